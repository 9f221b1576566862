#!/usr/bin/env node
/**
 * A long fuzzing campaign (issue 17): every property-based test with a random seed, many more runs and a wall-time
 * budget per property; prints the seed, the runs each property made and every failure with its counterexample.
 *
 *   node scripts/fuzz-campaign.mjs [--runs 100] [--minutes 1] [--seed N] [files…]
 *
 * --runs multiplies each property's runs in `npm test` (100 × 300 = 30,000); --minutes bounds each property (it
 * stops early at the budget and says so); --seed replays a campaign. Exit code 1 when a property failed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const FUZZ_FILES = ['packages/literature/test/fuzz', 'packages/meta/test/fuzz', 'packages/review/test/fuzz', 'packages/server/test/fuzz-api.test.ts'];

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '100' }, minutes: { type: 'string', default: '1' }, seed: { type: 'string' } },
});
const seed = values.seed !== undefined ? Number(values.seed) : (Math.random() * 0x7fffffff) | 0;
const timeMs = Math.round(Number(values.minutes) * 60_000);
const dir = mkdtempSync(join(tmpdir(), 'exoatlas-fuzz-'));
const reportFile = join(dir, 'report.jsonl');
const files = positionals.length > 0 ? positionals : FUZZ_FILES;

console.log(`fuzz campaign: seed ${seed}, runs ×${values.runs}, at most ${values.minutes} min per property, ${files.join(' ')}`);
const started = Date.now();
// one test file at a time: the campaign shares the machine
const result = spawnSync('npx', ['vitest', 'run', '--reporter=dot', '--maxWorkers=1', ...files], {
  stdio: ['ignore', 'inherit', 'inherit'],
  env: { ...process.env, FUZZ_RUNS: values.runs, FUZZ_SEED: String(seed), FUZZ_TIME_MS: String(timeMs), FUZZ_REPORT: reportFile },
});
const lines = existsSync(reportFile) ? readFileSync(reportFile, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
rmSync(dir, { recursive: true, force: true });

let total = 0;
console.log('\nproperty                                                                                   runs  stopped-at-budget');
for (const l of lines) {
  total += l.runs;
  console.log(`${(l.failed ? 'FAIL ' : 'ok   ') + l.test.slice(0, 84).padEnd(84)} ${String(l.runs).padStart(7)}  ${l.interrupted ? 'yes' : ''}`);
}
const failures = lines.filter((l) => l.failed);
for (const f of failures) console.log(`\nFAILED: ${f.test}\n  seed ${f.seed}\n  counterexample ${f.counterexample}\n  ${f.error}`);
console.log(`\n${lines.length} properties, ${total} runs, ${failures.length} failed, seed ${seed}, ${Math.round((Date.now() - started) / 1000)} s (vitest exit ${result.status})`);
process.exit(failures.length > 0 || result.status !== 0 ? 1 : 0);
