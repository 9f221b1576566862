import { ExoError } from '@exoatlas/schema';
import { ATLAS_OPTIONS, intOption, parseCommandArgs } from '../args.js';
import type { CommandIO } from '../command-io.js';
import { openAtlas } from '../context.js';

const KINDS = ['study', 'reference', 'entity', 'claim', 'isolationMethod', 'fact', 'advantage', 'limitation', 'direction', 'gap', 'biology'] as const;

/** `exoatlas search <words…>`: ranked full-text search over every record kind. */
export async function searchCommand(args: string[], io: CommandIO): Promise<number> {
  if (args[0] === 'test-connection') return (await import('./search-connection.js')).testConnectionCommand(args.slice(1), io);
  const { values, positionals } = parseCommandArgs('search', args, { ...ATLAS_OPTIONS, kind: { type: 'string', multiple: true }, limit: { type: 'string' } });
  const kinds = values.kind ?? [];
  for (const k of kinds) if (!(KINDS as readonly string[]).includes(k)) throw new ExoError('EXO_ERR_QUERY_UNKNOWN_FILTER', `unknown kind '${k}'; known kinds: ${KINDS.join(', ')}`, { field: 'kind' });
  const { stores } = await openAtlas(io, values);
  try {
    const result = await stores.atlas.search(positionals.join(' '), { kinds: kinds as (typeof KINDS)[number][], limit: intOption('limit', values.limit, 1) ?? 20 });
    if (values.json) {
      io.stdout(JSON.stringify({ query: positionals.join(' '), ...result }, null, 2) + '\n');
      return 0;
    }
    const plain = (s: string): string => s.replace(/<\/?mark>/g, (m) => (m === '<mark>' ? '\u001b[1m' : '\u001b[0m')).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    // eslint-disable-next-line no-control-regex -- removing the bold escape codes when not on a terminal
    const strip = (s: string): string => (io.isTTY ? plain(s) : plain(s).replace(/\u001b\[[01]m/g, ''));
    for (const hit of result.hits) io.stdout(`${hit.kind.padEnd(16)} ${hit.id}\n  ${hit.title}\n  ${strip(hit.snippet)}\n\n`);
    io.stdout(`${result.hits.length} of ${result.total} match${result.total === 1 ? '' : 'es'}\n`);
    return 0;
  } finally {
    await stores.close();
  }
}
