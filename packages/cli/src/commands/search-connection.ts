import { ExoError } from '@exoatlas/schema';
import { searchService, testConnection } from '@exoatlas/search';
import { parseCommandArgs } from '../args.js';
import type { CommandIO } from '../command-io.js';

/**
 * `exoatlas search test-connection <pubmed|europepmc|openalex|crossref> [--email E] [--api-key K] [--base-url U]`:
 * one tiny real query, to check that the service answers; prints the count it reports and the latency.
 * EXOATLAS_SEARCH_BASE_URL stands in for --base-url (a mirror, a proxy or a test server).
 */
export async function testConnectionCommand(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('search test-connection', args, {
    email: { type: 'string' },
    'api-key': { type: 'string' },
    'base-url': { type: 'string' },
    query: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  if (positionals.length !== 1) throw new ExoError('EXO_ERR_CLI_USAGE', 'search test-connection: name one service: pubmed, europepmc, openalex or crossref');
  const service = searchService(positionals[0]!);
  const check = await testConnection(service, {
    email: values.email ?? io.env.EXOATLAS_SEARCH_EMAIL,
    apiKey: values['api-key'] ?? io.env.EXOATLAS_SEARCH_API_KEY,
    baseUrl: values['base-url'] ?? io.env.EXOATLAS_SEARCH_BASE_URL,
    query: values.query,
  });
  if (values.json) io.stdout(JSON.stringify(check, null, 2) + '\n');
  else io.stdout(`${service}: ${check.count} records match the test query; ${check.requests} request${check.requests === 1 ? '' : 's'} in ${check.latencyMs} ms (${check.baseUrl})\n${check.sample ? `  first: ${check.sample}\n` : ''}`);
  return 0;
}
