import { ATLAS_OPTIONS, intOption, parseCommandArgs } from '../args.js';
import type { CommandIO } from '../command-io.js';
import { openAtlas } from '../context.js';
import { renderTable } from '../format/table.js';

const USAGE = `Usage: exoatlas entities [words…] [--kind K] [--limit N] [--offset N] [--json]
  List the entities (miRNAs, genes, proteins, pathways, cell types, processes, diseases, …) with how many claims and
  studies name each. Words match ids, names and synonyms; --kind is one of mirna, gene, protein, pathway, cell-type,
  process, disease, species, compound, anatomy, vesicle.
`;

/** `exoatlas entities [words…] [--kind K]`: the entity list with claim and study counts. */
export async function entitiesCommand(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('entities', args, { ...ATLAS_OPTIONS, kind: { type: 'string' }, limit: { type: 'string' }, offset: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) return (io.stdout(USAGE), 0);
  const page = { limit: intOption('limit', values.limit, 1), offset: intOption('offset', values.offset) };
  const { atlas, stores } = await openAtlas(io, values);
  try {
    const result = atlas.listEntities({ kind: values.kind, q: positionals.length ? positionals.join(' ') : undefined }, page);
    if (values.json) {
      io.stdout(JSON.stringify(result, null, 2) + '\n');
      return 0;
    }
    const rows = result.items.map((e) => [e.id, e.kind, e.name, String(e.claimCount), String(e.studyCount), e.synonyms.join(', ')]);
    io.stdout(renderTable(['id', 'kind', 'name', 'claims', 'studies', 'synonyms'], rows, Number(io.env.COLUMNS) || 120));
    io.stdout(`${result.items.length} of ${result.total} entit${result.total === 1 ? 'y' : 'ies'}\n`);
    return 0;
  } finally {
    await stores.close();
  }
}
