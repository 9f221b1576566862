import { ATLAS_OPTIONS, intOption, parseCommandArgs } from '../args.js';
import type { CommandIO } from '../command-io.js';
import { openAtlas } from '../context.js';
import { claimLine } from './entity.js';

const USAGE = `Usage: exoatlas claims [--entity E] [--figure N] [--area A] [--cell-source S] [--json]
  The mechanism claims of the review (subject – predicate – object), each with the sentence it comes from.
  --entity: an id, name or synonym the claim names; --figure 1–5; --area: a disease area; --cell-source: e.g. iMSC.
`;

/** `exoatlas claims [filters]`: mechanism claims with their quotes. */
export async function claimsCommand(args: string[], io: CommandIO): Promise<number> {
  const { values } = parseCommandArgs(
    'claims',
    args,
    { ...ATLAS_OPTIONS, entity: { type: 'string' }, figure: { type: 'string' }, area: { type: 'string' }, 'cell-source': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    false,
  );
  if (values.help) return (io.stdout(USAGE), 0);
  const figure = intOption('figure', values.figure, 1);
  const { atlas, stores } = await openAtlas(io, values);
  try {
    const result = atlas.listClaims({ entity: values.entity, figure, diseaseArea: values.area, cellSource: values['cell-source'] });
    if (values.json) {
      io.stdout(JSON.stringify(result, null, 2) + '\n');
      return 0;
    }
    for (const c of result.items) {
      io.stdout(`${c.id}\n  ${claimLine(c, atlas)}\n`);
      for (const p of c.provenance) io.stdout(`    “${p.quote}” (${/^\d+$/.test(p.section) ? `§ ${p.section}` : p.section})\n`);
    }
    io.stdout(`${result.total} claim${result.total === 1 ? '' : 's'}\n`);
    return 0;
  } finally {
    await stores.close();
  }
}
