import type { Atlas, EntityPage } from '@exoatlas/atlas';
import { ExoError, type Claim } from '@exoatlas/schema';
import { ATLAS_OPTIONS, parseCommandArgs } from '../args.js';
import type { CommandIO } from '../command-io.js';
import { openAtlas } from '../context.js';
import { renderTable } from '../format/table.js';

const USAGE = `Usage: exoatlas entity <id|name…> [--json]
  Everything the atlas knows about one entity: its claims (with the review's words), studies, diseases and
  references. Any name or synonym works: exoatlas entity MicroRNA-21, exoatlas entity "PI3K/Akt".
`;

/** A claim as one readable line: "miR-21 inhibits PTEN · Fig. 2 · MSC · [50]". */
export function claimLine(claim: Claim, atlas: Atlas): string {
  const name = (id: string): string => atlas.entitiesById.get(id)?.name ?? id;
  const refs = [...new Set([...claim.referenceNumbers, ...claim.provenance.flatMap((p) => p.referenceNumbers)])].sort((a, b) => a - b);
  const parts = [
    `${name(claim.subject)} ${claim.predicate} ${name(claim.object)}${claim.isHedged ? ' (hedged)' : ''}`,
    claim.figure ? `Fig. ${claim.figure}` : `§ ${claim.section}`,
    // The curators' corrected source where the review's is wrong, with what it prints.
    claim.context.cellSourceCorrected ? `${claim.context.cellSourceCorrected} (printed: ${claim.context.cellSource})` : claim.context.cellSource,
    claim.context.cellTypes.length ? `in ${claim.context.cellTypes.map(name).join(', ')}` : undefined,
    refs.length ? `[${refs.join(', ')}]` : undefined,
  ];
  return parts.filter(Boolean).join(' · ');
}

/** The entity page as terminal text. */
function pageText(page: EntityPage, atlas: Atlas, width: number): string {
  const { entity: e } = page;
  const lines: string[] = [];
  const field = (label: string, value: string | undefined): void => {
    if (value) lines.push(`${label.padEnd(13)} ${value}`);
  };
  const title = `${e.name} (${e.kind})`;
  lines.push(title, '='.repeat(Math.min(title.length, 100)));
  field('id', e.id);
  field('synonyms', e.synonyms.join(', '));
  field('identifiers', e.xrefs.map((x) => `${x.db}:${x.id}`).join(', '));
  field('description', e.description);
  field('diseases', page.diseases.map((d) => d.name).join(', '));
  field('areas', Object.entries(page.byDiseaseArea).map(([area, v]) => `${area} (${v.claims.length} claims, ${v.studies.length} studies)`).join('; '));

  lines.push('', `Claims (${page.claims.length})`);
  for (const c of page.claims) {
    lines.push(`  ${claimLine(c, atlas)}`);
    const p = c.provenance[c.provenance.length - 1]!;
    lines.push(`      “${c.provenance.map((x) => x.quote).join(' … ')}” (${p.section === 'table-1' || p.section.startsWith('fig-') ? p.section : `§ ${p.section}`})`);
  }
  lines.push('', `Studies (${page.studies.length})`);
  if (page.studies.length) {
    const rows = page.studies.map((s) => [s.inTable1 ? String(s.table1Row) : '—', s.id, s.condition, s.cellSource, s.species.join(', ')]);
    lines.push(...renderTable(['T1', 'id', 'condition', 'source', 'species'], rows, width).trimEnd().split('\n').map((l) => `  ${l}`));
  }
  if (page.references.length) {
    lines.push('', 'References');
    for (const r of page.references) lines.push(`  [${r.reviewNumber}] ${r.printed}`);
  }
  if (e.curationNote) lines.push('', `Curation note: ${e.curationNote}`);
  return lines.join('\n') + '\n';
}

/** `exoatlas entity <id|name…>`: one entity's page. */
export async function entityCommand(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('entity', args, { ...ATLAS_OPTIONS, help: { type: 'boolean', short: 'h' } });
  if (values.help) return (io.stdout(USAGE), 0);
  if (positionals.length === 0) throw new ExoError('EXO_ERR_CLI_USAGE', 'entity needs an entity id or name, e.g. exoatlas entity miR-21');
  const { atlas, stores } = await openAtlas(io, values);
  try {
    const page = atlas.entityPage(positionals.join(' '));
    io.stdout(values.json ? JSON.stringify(page, null, 2) + '\n' : pageText(page, atlas, Number(io.env.COLUMNS) || 120));
    return 0;
  } finally {
    await stores.close();
  }
}
