import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deduplicate, readCitations } from '../../src/index.js';
import { sharedDir } from '../helpers.js';
import { existsSync } from 'node:fs';

const file = path.join(sharedDir, 'benchmarks/screening/nagtegaal-2019.csv');
const hasFile = existsSync(file);
if (!hasFile) console.log(`[literature] skipped: de-duplication precision/recall on ${file} (absent in this clone)`);

describe.skipIf(!hasFile)('de-duplication of nagtegaal-2019.csv against its duplicate_record_id labels', () => {
  it('finds all 11 labelled duplicates with few false merges', async () => {
    const { records } = await readCitations(readFileSync(file), { fileName: 'nagtegaal-2019.csv' });
    expect(records).toHaveLength(2019);
    const started = performance.now();
    const { links, unique } = deduplicate(records);
    const ms = performance.now() - started;
    const sourceId = new Map(records.map((r) => [r.id, r.sourceId!]));
    const key = (a: string, b: string): string => [a, b].sort().join('|');
    const truth = new Set(records.filter((r) => r.raw.fields.duplicate_record_id).map((r) => key(r.sourceId!, r.raw.fields.duplicate_record_id![0]!)));
    const found = new Set(links.map((l) => key(sourceId.get(l.a)!, sourceId.get(l.b)!)));
    const truePositives = [...found].filter((p) => truth.has(p)).length;
    const precision = truePositives / found.size;
    const recall = truePositives / truth.size;
    const unlabelled = [...found].filter((p) => !truth.has(p));
    console.log(
      `[literature] nagtegaal-2019: ${records.length} records, ${truth.size} labelled duplicate pairs; found ${found.size} pairs in ${ms.toFixed(0)} ms: ` +
        `recall ${truePositives}/${truth.size} = ${recall.toFixed(3)}, precision ${truePositives}/${found.size} = ${precision.toFixed(3)}; unlabelled links: ${unlabelled.join(', ')}`,
    );
    expect(truth.size).toBe(11);
    expect(recall).toBe(1);
    expect(found.size - truePositives).toBeLessThanOrEqual(2);
    expect(unique.length).toBe(records.length - found.size);
  });
});
