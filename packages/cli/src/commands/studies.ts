import { ATLAS_OPTIONS, intOption, parseCommandArgs } from '../args.js';
import type { CommandIO } from '../command-io.js';
import { openAtlas } from '../context.js';
import { renderTable } from '../format/table.js';

/** `exoatlas studies [filters] [--json]`: the study list. */
export async function studiesCommand(args: string[], io: CommandIO): Promise<number> {
  const { values } = parseCommandArgs('studies', args, {
    ...ATLAS_OPTIONS,
    area: { type: 'string' },
    condition: { type: 'string' },
    species: { type: 'string' },
    'cell-source': { type: 'string' },
    setting: { type: 'string' },
    entity: { type: 'string' },
    table1: { type: 'boolean' },
    origin: { type: 'string' },
    text: { type: 'string' },
    limit: { type: 'string' },
    offset: { type: 'string' },
  }, false);
  const { atlas, stores } = await openAtlas(io, values);
  try {
    const page = atlas.listStudies(
      {
        diseaseArea: values.area,
        condition: values.condition,
        species: values.species,
        cellSource: values['cell-source'],
        setting: values.setting,
        entity: values.entity,
        inTable1: values.table1,
        origin: values.origin as 'review' | 'project' | undefined,
        text: values.text,
      },
      { limit: intOption('limit', values.limit, 1), offset: intOption('offset', values.offset) },
    );
    if (values.json) {
      io.stdout(JSON.stringify(page, null, 2) + '\n');
      return 0;
    }
    // The origin column (issue 18 item 2): the review, or the project that published the study.
    const rows = page.items.map((s) => [s.inTable1 ? String(s.table1Row) : '—', s.id, s.condition, s.species.join(', '), s.cellSource, s.origin.kind === 'project' ? `project ${s.origin.projectId}` : 'review', s.referenceNumbers.map((n) => `[${n}]`).join('')]);
    io.stdout(renderTable(['T1', 'id', 'condition', 'species', 'source', 'origin', 'refs'], rows, Number(io.env.COLUMNS) || 120));
    io.stdout(`${page.items.length} of ${page.total} stud${page.total === 1 ? 'y' : 'ies'}\n`);
    return 0;
  } finally {
    await stores.close();
  }
}
