// Validates data/ the way the atlas does and prints every problem (a curator's quick check: `npx tsx scripts/check-data.ts [filter]`).
import { validateDataDir } from '@exoatlas/atlas';

const filter = process.argv[2];
const { loaded, problems } = validateDataDir(new URL('../data/', import.meta.url).pathname);
const shown = filter ? problems.filter((p) => p.message.includes(filter)) : problems;
for (const p of shown) console.error(`${p.code}  ${p.message}`);
if (loaded) {
  const counts = Object.entries(loaded.kb).filter(([, v]) => Array.isArray(v)).map(([k, v]) => `${k}: ${(v as unknown[]).length}`);
  console.log(`data/ is valid — ${counts.join(', ')}`);
} else {
  console.log(`${problems.length} problem(s)${filter ? `, ${shown.length} matching "${filter}"` : ''}`);
  process.exit(1);
}
