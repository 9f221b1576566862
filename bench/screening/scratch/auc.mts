import { readFileSync } from 'node:fs';
import { readCitations } from '@exoatlas/literature';
import { tfidf } from '/work/main/packages/review/src/ranking/tfidf.js';
import { NaiveBayes } from '/work/main/packages/review/src/ranking/naive-bayes.js';
import { LinearSvm } from '/work/main/packages/review/src/ranking/linear-svm.js';
import type { Label } from '/work/main/packages/review/src/ranking/classifier.js';
const file = process.argv[2]!;
const { records } = await readCitations(readFileSync(file), { format: 'csv' });
const labels = records.map((r) => (r.raw.fields['label_included']?.[0] === '1' ? 1 : 0) as Label);
console.log(records.length, labels.filter(l=>l).length, records[0]!.title, (records[0]!.abstract??'').slice(0,80));
const x = tfidf(records.map((r) => `${r.title ?? ''}\n${r.abstract ?? ''}`));
console.log('nnz/row', x.values.length / x.rows);
const train = new Map<number, Label>(); const test: number[] = [];
labels.forEach((l, i) => (i % 2 ? train.set(i, l) : test.push(i)));
for (const [name, clf] of [['svm1', new LinearSvm()], ['svm0.1', new LinearSvm({c:0.1})], ['svm10', new LinearSvm({c:10})], ['nb', new NaiveBayes()], ['nb0.01', new NaiveBayes(0.01)]] as const) {
  clf.fit(x, train);
  const s = test.map((i) => [clf.score(x, i), labels[i]!] as const);
  let pos = 0, neg = 0, conc = 0;
  for (const [a, la] of s) for (const [b, lb] of s) if (la === 1 && lb === 0) { conc += a > b ? 1 : a === b ? 0.5 : 0; }
  pos = s.filter(t=>t[1]===1).length; neg = s.length - pos;
  console.log(name, 'AUC', (conc / pos / neg).toFixed(3));
}
