import { describe, expect, it } from 'vitest';
import { OUTPUT_FORMATS, readCitations, writeCitations } from '@exoatlas/literature';
import { screeningLogCsv, type RecordView } from '@exoatlas/review';
import { screeningLogCsvYielding, writeCitationsYielding } from '../src/routes/write-yielding.js';

/** n records as a RIS export read back: real CitationRecords, with every field the writers look at. */
const ris = (n: number): string => Array.from({ length: n }, (_, i) => `TY  - JOUR\nTI  - Exosomes and wound healing, part ${i}\nAU  - Author, A${i}\nPY  - ${2000 + (i % 25)}\nJO  - J Wounds\nDO  - 10.9999/x.${i}\nAB  - An abstract, with "quotes".\nKW  - exosome\nER  - \n`).join('\n');

const view = (i: number): RecordView =>
  ({
    id: i,
    title: `Record ${i}, "quoted"`,
    authors: ['Author A'],
    year: 2020,
    keywords: [],
    sources: ['Embase'],
    isNotRetrieved: false,
    isExcludedByAutomation: false,
    stages: {
      'title-abstract': { status: i % 3 ? 'excluded' : 'included', decidedBy: 1, isBlinded: false, decisions: [], reason: i % 3 ? 'Wrong outcome' : undefined },
      'full-text': { status: 'unscreened', decidedBy: 0, isBlinded: false, decisions: [] },
    },
  }) as unknown as RecordView;

/** Runs `work` and counts the setImmediate callbacks that other requests' work would get in while it runs. */
async function interleaved(work: () => Promise<string>): Promise<{ text: string; turns: number }> {
  let turns = 0;
  let isDone = false;
  const tick = (): void => {
    if (isDone) return;
    turns++;
    setImmediate(tick);
  };
  setImmediate(tick);
  const text = await work();
  isDone = true;
  return { text, turns };
}

describe('issue 16 item 5: large exports give the thread back while they format', () => {
  it('writeCitationsYielding writes exactly what writeCitations writes, in every format, yielding between batches', async () => {
    const { records } = await readCitations(ris(1_600), { fileName: 'x.ris' });
    expect(records).toHaveLength(1_600);
    for (const format of OUTPUT_FORMATS) {
      const { text, turns } = await interleaved(() => writeCitationsYielding(records, format));
      expect(text).toBe(writeCitations(records, format));
      expect(turns).toBeGreaterThanOrEqual(3);
    }
  });

  it('screeningLogCsvYielding writes exactly what screeningLogCsv writes (one header), yielding between batches', async () => {
    const views = Array.from({ length: 1_200 }, (_, i) => view(i));
    const { text, turns } = await interleaved(() => screeningLogCsvYielding(views));
    expect(text).toBe(screeningLogCsv(views));
    expect(turns).toBeGreaterThanOrEqual(2);
    expect(await screeningLogCsvYielding([])).toBe(screeningLogCsv([]));
  });
});
