import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../../cli/src/main.js';
import type { CommandIO } from '../../cli/src/command-io.js';
import { FIXTURE_RESPONDERS, startFakeService, type FakeService } from './helpers/fake-service.js';

let fake: FakeService | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** The CLI in this process (the fake service must keep answering while the command runs). */
async function exoatlas(args: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (s: string) => void (stdout += s), stderr: (s: string) => void (stderr += s), cwd: process.cwd(), env, isTTY: false } as unknown as CommandIO;
  const code = await run(args, io);
  return { code, stdout, stderr };
}

describe('issue 21: exoatlas search test-connection', () => {
  it('runs a tiny query against the service and prints the count and latency (--base-url)', async () => {
    fake = await startFakeService(FIXTURE_RESPONDERS.pubmed);
    const r = await exoatlas(['search', 'test-connection', 'pubmed', '--email', 'me@example.org', '--api-key', 'k1', '--base-url', fake.url]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^pubmed: 3 records match the test query; 2 requests in \d+ ms \(http:\/\/127\.0\.0\.1:\d+\)\n {2}first: Comparison of exosomes/);
    expect(fake.requests[0]!.params.get('email')).toBe('me@example.org');
    expect(fake.requests[0]!.params.get('api_key')).toBe('k1');
    expect(fake.requests[1]!.params.get('retmax')).toBe('1');
  });

  it('takes the base URL from EXOATLAS_SEARCH_BASE_URL and prints JSON', async () => {
    fake = await startFakeService(FIXTURE_RESPONDERS.openalex);
    const r = await exoatlas(['search', 'test-connection', 'openalex', '--json'], { EXOATLAS_SEARCH_BASE_URL: fake.url });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ service: 'openalex', count: 3, requests: 1, baseUrl: fake.url });
  });

  it('an unknown service is a usage error; a service that answers garbage fails with a plain coded message', async () => {
    const unknown = await exoatlas(['search', 'test-connection', 'scopus']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown database 'scopus'; known: pubmed, europepmc, openalex, crossref/);
    fake = await startFakeService(() => ({ body: '<html>maintenance</html>' }));
    const bad = await exoatlas(['search', 'test-connection', 'crossref', '--base-url', fake.url]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^exoatlas search: Crossref answered in an unexpected format/);
    expect(bad.stderr).not.toMatch(/at .*\.ts/);
  });
});
