// Synchronous cost of the review request paths on a large project (issue 16 item 5): each ReviewService call on a
// PROJECT_RECORDS-record single-screening project over a temporary SQLite database, wired as the server wires it
// (ranking in its worker thread; RANKING=thread for the CLI's in-thread ranking), with its wall time and the longest
// time it held this thread (a 1 ms ticker's largest gap while the call ran; on a loaded machine this also counts time
// the OS gave to other processes, which the process's CPU time does not). Not a test:
// `npx tsx bench/server/screening-profile.ts` (PROJECT_RECORDS, default 10000).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStores } from '@exoatlas/store';
import { inThreadRanking, ReviewService } from '@exoatlas/review';
import { DEFAULT_BUDGETS, pooledRanking } from '@exoatlas/server';

const N = Number(process.env.PROJECT_RECORDS ?? 10_000);
const WORDS = 'exosome vesicle mesenchymal stromal induced pluripotent stem cell wound healing angiogenesis osteoarthritis cartilage fibroblast keratinocyte inflammation macrophage polarisation microRNA signalling pathway murine model rat infarct ischaemia renal hepatic fibrosis bone regeneration ultracentrifugation isolation proteomic therapy dose injection scaffold hydrogel'.split(' ');

function risFile(n: number, seed: number): string {
  let s = seed;
  const rnd = (): number => (s = (s * 16807) % 2147483647) / 2147483647;
  const words = (m: number): string => Array.from({ length: m }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(' ');
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(`TY  - JOUR\nTI  - ${words(8)} study ${seed}-${i}\nAU  - Author${i % 997}, A.\nPY  - ${2000 + (i % 25)}\nJO  - Journal of ${words(2)}\nDO  - 10.9999/bench.${seed}.${i}\nAB  - ${words(90)}\nER  - \n`);
  return out.join('\n');
}

const dir = mkdtempSync(join(tmpdir(), 'exoatlas-profile-'));
const stores = await createStores({ sqlitePath: join(dir, 'atlas.sqlite') });
try {
  const pooled = pooledRanking(true, DEFAULT_BUDGETS);
  const reviews = new ReviewService(stores.review, { ranking: process.env.RANKING === 'thread' ? inThreadRanking() : pooled.engine });
  const user = await reviews.createUser(undefined, { username: 'bench', password: 'bench-correct-horse-battery' });
  await reviews.createProject(user, { id: 'bench', name: 'Bench', question: 'Do iPSC-derived MSC exosomes speed wound healing?' });
  await reviews.importSearches(user, 'bench', [{ name: 'p.ris', data: risFile(N, 2) }], { database: 'Embase', date: '2026-11-01' });
  const rows: string[] = [];
  const time = async (label: string, run: () => Promise<unknown>): Promise<void> => {
    let last = performance.now();
    let longest = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 1);
    const started = performance.now();
    const cpu = process.cpuUsage();
    await run();
    const wall = performance.now() - started;
    const used = process.cpuUsage(cpu);
    // The call's last synchronous slice ends with it: count the gap up to now as well.
    longest = Math.max(longest, performance.now() - last);
    clearInterval(ticker);
    rows.push(`| ${label} | ${wall.toFixed(0)} | ${((used.user + used.system) / 1000).toFixed(0)} | ${longest.toFixed(0)} |`);
  };
  await time('next (first: features + query ranking)', () => reviews.next(user, 'bench'));
  for (let i = 0; i < 4; i++) {
    const next = await reviews.next(user, 'bench');
    await time(`decide #${i + 1}`, () => reviews.decide(user, 'bench', next.record!.id, { decision: i % 2 ? 'include' : 'exclude', expectedVersion: 0 }));
    await time(`next #${i + 2} (refit)`, () => reviews.next(user, 'bench'));
  }
  await time('listRecords (50, title-abstract)', () => reviews.listRecords(user, 'bench', {}));
  await time('listRecords (sort=score)', () => reviews.listRecords(user, 'bench', { sort: 'score' }));
  await time('getRecord', async () => reviews.getRecord(user, 'bench', 5));
  await time('getProject (progress)', () => reviews.getProject(user, 'bench'));
  await time('exportRecords (all)', () => reviews.exportRecords(user, 'bench'));
  await time('prisma', () => reviews.prisma(user, 'bench'));
  await time('conflicts', () => reviews.conflicts(user, 'bench'));
  await time('audit', () => reviews.audit(user, 'bench'));
  await time('discovery', () => reviews.discovery(user, 'bench'));
  console.log(`| call on ${N.toLocaleString('en')} records (ranking ${process.env.RANKING === 'thread' ? 'in thread' : 'in its worker'}) | wall ms | CPU ms (all threads) | longest block ms |\n|---|---:|---:|---:|\n${rows.join('\n')}`);
  await pooled.close();
} finally {
  await stores.close();
  rmSync(dir, { recursive: true, force: true });
}
