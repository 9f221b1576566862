import { basename } from 'node:path';
import { CITATION_FORMATS, type CitationFormat } from '@exoatlas/literature';
import { ExoError, isCalendarDate } from '@exoatlas/schema';
import type { ImportSummary } from '@exoatlas/store';
import { ATLAS_OPTIONS, parseCommandArgs } from '../args.js';
import type { CommandIO } from '../command-io.js';
import { openAtlas } from '../context.js';
import { progressReporter } from '../format/progress.js';

/** `exoatlas import <files…> [--database D] [--date YYYY-MM-DD] [--query Q]`: search exports into the store, one transaction per file. */
export async function importCommand(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('import', args, {
    ...ATLAS_OPTIONS,
    database: { type: 'string' },
    date: { type: 'string' },
    query: { type: 'string' },
    format: { type: 'string' },
  });
  if (positionals.length === 0) throw new ExoError('EXO_ERR_CLI_USAGE', 'import needs at least one file, e.g. exoatlas import embase.ris --database Embase --date 2026-11-01 --query "…"');
  if (values.date !== undefined && !isCalendarDate(values.date, { allowPartial: true })) throw new ExoError('EXO_ERR_CLI_USAGE', `--date must be a real date like 2026-11-01 (or 2026-11, 2026) (got '${values.date}')`, { field: 'date' });
  if (values.format !== undefined && !(CITATION_FORMATS as readonly string[]).includes(values.format)) {
    throw new ExoError('EXO_ERR_CLI_USAGE', `--format must be one of ${CITATION_FORMATS.join(', ')} (got '${values.format}')`, { field: 'format' });
  }
  const { literature, stores } = await openAtlas(io, values);
  const results: ImportSummary[] = [];
  try {
    for (const file of positionals) {
      const progress = progressReporter(io.stderr, io.isTTY, basename(file));
      const summary = await literature.importFile(
        io.openRead(file),
        { fileName: basename(file), database: values.database, date: values.date, query: values.query },
        { format: values.format as CitationFormat | undefined, onProgress: progress.update },
      ).catch((error: unknown) => {
        progress.done();
        const done = results.length ? ` (${results.map((r) => r.fileName).join(', ')} imported before it)` : '';
        throw Object.assign(error as Error, { message: `${(error as Error).message}; nothing from ${basename(file)} was imported${done}` });
      });
      progress.done();
      results.push(summary);
      if (!values.json) {
        io.stdout(`${summary.fileName}: ${summary.recordCount} records (${summary.format}) imported as import ${summary.id}${summary.warnings.length ? `, ${summary.warnings.length} warning${summary.warnings.length === 1 ? '' : 's'}` : ''}\n`);
        for (const w of summary.warnings.slice(0, 10)) io.stdout(`  warning: ${w.message}\n`);
        if (summary.warnings.length > 10) io.stdout(`  … ${summary.warnings.length - 10} more (use --json)\n`);
      }
    }
  } finally {
    await stores.close();
  }
  if (values.json) io.stdout(JSON.stringify({ imports: results }, null, 2) + '\n');
  return 0;
}
