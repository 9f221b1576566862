import { loadKnowledgeBase, Atlas } from '@exoatlas/atlas';
const { kb } = loadKnowledgeBase('/work/main/data');
const atlas = new Atlas(kb);
const arg = process.argv[2];
if (arg === 'map') {
  const m = atlas.evidenceMap({ rows: process.argv[3], cols: process.argv[4], vesicle: process.argv[5] });
  console.log('      ' + m.cols.join(' | '));
  for (const r of m.rows) console.log(r.padEnd(16), m.cols.map((c) => { const cell = m.cells.find((x) => x.row === r && x.col === c)!; return String(cell.count) + (cell.gapIds.length ? '*' : ''); }).join('  '));
  console.log(m.comparisons.map((c) => `${c.studyId} ${c.source} vs ${c.comparator}: ${c.result}`));
  console.log(m.gaps.map((g) => `${g.id} ${g.row} ${g.col}`));
} else if (arg === 'advise') {
  const raw: Record<string, string[]> = {};
  for (const kv of process.argv.slice(3)) { const [k, v] = kv.split('='); (raw[k!] ??= []).push(v!); }
  const a = atlas.adviseMethods(raw);
  for (const m of a.ranking) console.log(m.rank, m.method, m.score, m.reasons.map((r) => `${r.need}:${r.effect}:${r.statement}`).join('; '), '| unknown:', m.unknown.join(','));
  console.log(a.combinations.map((c) => `${c.methods.join('+')} ${c.favours}`));
  console.log(a.notes.join('\n'));
} else if (arg === 'cite') {
  const out = await atlas.formatReferences(process.argv[3] as 'vancouver', process.argv[4] ? process.argv[4].split(',') : undefined);
  console.log(out);
} else if (arg === 'vcheck') {
  const out = (await atlas.formatReferences('vancouver')).trim().split('\n');
  let same = 0;
  for (const [i, r] of kb.references.entries()) {
    const line = out[i]!.replace(/^\d+\. /, '');
    if (line === r.printed) same++; else console.log(`[${r.reviewNumber}]\n  printed: ${r.printed}\n  cjs:     ${line}`);
  }
  console.log(same, 'of', kb.references.length, 'identical');
}
