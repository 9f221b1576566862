import { loadKnowledgeBase, Atlas, toDot } from '@exoatlas/atlas';
const { kb } = loadKnowledgeBase('/work/main/data');
const atlas = new Atlas(kb);
const arg = process.argv[2];
if (arg === 'paths') {
  const r = atlas.graphPaths(process.argv[3]!, process.argv[4]!, { maxLength: Number(process.argv[5] ?? 4) });
  for (const p of r.paths) console.log(p.edges.map((e) => `${e.source} -${e.predicate}-> ${e.target}`).join(' | '));
} else if (arg === 'nb') {
  const g = atlas.graph({ focus: process.argv[3], depth: Number(process.argv[4] ?? 1) });
  console.log(g.nodes.map((n) => `${n.id}(${n.distance})`).join(' '));
  for (const e of g.edges) console.log(' ', e.id, e.claimIds.join(','));
} else if (arg === 'entity') {
  const p = atlas.entityPage(process.argv[3]!);
  console.log(JSON.stringify({ ...p, claims: p.claims.map((c) => c.id), references: p.references.map((r) => r.reviewNumber), diseases: p.diseases.map((d) => d.id) }, null, 1));
} else if (arg === 'areas') {
  for (const c of kb.claims) console.log(c.section.padEnd(6), String(c.figure ?? '').padEnd(2), atlas.claimAreas(c).join(',').padEnd(30), c.id);
} else if (arg === 'stats') {
  const g = atlas.graph();
  console.log(g.nodes.length, g.edges.length);
}
