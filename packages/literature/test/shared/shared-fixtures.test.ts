import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCitations, type CitationRecord } from '../../src/index.js';
import { hasShared, sharedDir } from '../helpers.js';

const dir = path.join(sharedDir, 'fixtures/literature');
if (!hasShared) console.log(`[literature] skipped: the real exports in ${dir} are absent (they live beside the clone, not in it)`);

/** Spot checks per file: counted independently (grep -c '^TY  -', '<PubmedArticle>', '^PMID-', '^@'). */
interface Expected {
  format: string;
  count: number;
  /** Record index → title start, DOI, first author's family name, year. */
  checks: Array<[number, { title?: string; doi?: string; author?: string; year?: number }]>;
  warnings?: string[];
}

const EXPECTED: Record<string, Expected> = {
  'asreview-embase.ris': {
    format: 'ris',
    count: 6,
    checks: [
      [0, { title: 'Duplication cysts: Diagnosis, management, and the role of endoscopic ultrasound', doi: '10.4103/2303-9027.138783', author: 'Liu', year: 2014 }],
      [1, { title: 'Endoscopic ultrasound-guided fine-needle aspiration in the diagnosis o', doi: '10.1002/cncr.20369', author: 'Eloubeidi', year: 2004 }],
      [5, { title: 'Completely Isolated Retroperitoneal Enteric Duplication Cyst with Aden', doi: '10.1089/cren.2017.0016', author: 'Faraj', year: 2017 }],
    ],
  },
  'asreview-scopus.ris': {
    format: 'ris',
    count: 6,
    checks: [
      [0, { title: 'Stress and the brain-gut axis in functional and chronic-inflammatory g', doi: '10.1016/j.psyneuen.2019.104501', author: 'Labanski', year: 2020 }],
      [4, { title: 'Exercise influence on the microbiome–gut–brain axis', doi: '10.1080/19490976.2018.1562268', author: 'Dalton', year: 2019 }],
      [5, { title: 'Role of brain imaging in disorders of brain-gut interaction: A Rome Wo', doi: '10.1136/gutjnl-2019-318308', author: 'Mayer', year: 2019 }],
    ],
  },
  'asreview-ovid_zotero.ris': {
    format: 'ris',
    count: 6,
    checks: [
      [0, { title: 'The influence of self-criticism on depression symptoms among ambulator', doi: '10.1002/cpp.2398', author: 'Trindade', year: 2019 }],
      [3, { title: 'Perceptions of ibd within patient and community samples: A systematic ', doi: '10.1080/08870446.2019.1662014', author: 'Polak', year: 2019 }],
      [5, { title: 'Psychological outcomes of a cognitive behavioral therapy for youth wit', doi: '10.1007/s10880-019-09649-9', author: 'Stapersma', year: 2019 }],
    ],
  },
  'asreview-pubmed_zotero.ris': {
    format: 'ris',
    count: 6,
    checks: [
      [0, { title: 'The importance of cognitive flexibility and flexibility in coping with', doi: '10.5114/pg.2018.81081', author: 'Rudnik', year: 2019 }],
      [2, { title: 'Traditional Chinese medicine for mild-to-moderate ulcerative colitis: ', doi: '10.1097/MD.0000000000016881', author: 'Shen', year: 2019 }],
      [5, { title: 'Efficacy and safety of Tripterygium wilfordii Hook F preparations for ', doi: '10.1097/MD.0000000000016231', author: 'Zhang', year: 2019 }],
    ],
  },
  'asreview-baseline_reference_types.ris': { format: 'ris', count: 61, checks: [[1, {}]] },
  'asreview-baseline_empty_values.ris': { format: 'ris', count: 4, checks: [[0, { title: 'Title of reference' }], [2, { title: 'Title of reference' }]] },
  'asreview-faulty_year.ris': {
    format: 'ris',
    count: 1,
    checks: [[0, { title: 'The Value of Radiologic Interventions and 18 F-DOPA PET in Diagnosing ' }]],
    warnings: ['unparsed-year'],
  },
  'asreview-pubmed.xml': {
    format: 'pubmed-xml',
    count: 10,
    checks: [
      [0, { title: 'A new decompression device for treating odontogenic cysts using a silicone tube.', doi: '10.1016/j.bjoms.2019.09.011', author: 'Kimura', year: 2019 }],
      [3, { title: 'An unusual case of four simultaneous eruption cysts in an infant.', author: 'Kimura', year: 2014 }],
      [7, { title: 'Expression of cytokeratins (CKs) 8, 13 and 18 and their mRNA', doi: '10.1034/j.1601-0825.2002.1o786.x', author: 'Lu', year: 2002 }],
      [9, { title: '[Abrasion of blind cysts].', author: 'Kimura', year: 1968 }],
    ],
  },
  'synthesisr-pubmed-medline.nbib': {
    format: 'medline',
    count: 3,
    checks: [
      [0, { title: 'Differences in nitrate and phosphorus export between wooded and grassed riparian zones from farmland', doi: '10.1016/j.scitotenv.2017.04.075', author: 'Neilen', year: 2017 }],
      [1, { title: 'Management of Grassland-like Wildflower Strips Sown on Nutrient-rich Arable Soils: The Role', doi: '10.1007/s00267-019-01153-y', author: 'Piqueray', year: 2019 }],
      [2, { title: 'Mulch and groundcover effects on soil temperature and moisture, surface reflectance,', doi: '10.7717/peerj.5082', author: 'Bavougian', year: 2018 }],
    ],
  },
  'synthesisr-scopus.bib': {
    format: 'bibtex',
    count: 3,
    checks: [
      [0, { title: 'Soil fauna diversity at different stages of reed restoration in a lakeshore wetland at Lake Taihu, China', doi: '10.1080/20964129.2020.1722034', author: 'Li', year: 2020 }],
      [1, { title: 'Impacts of land conversion and management measures on net primary productivity', doi: '10.1080/20964129.2020.1749010', author: 'Cao', year: 2020 }],
      [2, { title: 'Application of Digital Processing in Relic Image Restoration Design', doi: '10.1007/s11220-019-0265-8', author: 'Tang', year: 2020 }],
    ],
  },
};

function check(record: CitationRecord, expected: Expected['checks'][number][1]): void {
  if (expected.title) expect(record.title?.startsWith(expected.title.trimEnd()), `${record.title} starts with ${expected.title}`).toBe(true);
  if (expected.doi) expect(record.doi).toBe(expected.doi);
  if (expected.author) expect(record.authors[0]?.family).toBe(expected.author);
  if (expected.year) expect(record.year).toBe(expected.year);
}

describe.skipIf(!hasShared)('the real exports in ../shared/fixtures/literature', () => {
  it.each(Object.keys(EXPECTED))('%s: exact record count and spot-checked fields', async (name) => {
    const expected = EXPECTED[name]!;
    const { format, records, warnings } = await readCitations(readFileSync(path.join(dir, name)), { fileName: name });
    expect(format).toBe(expected.format);
    expect(records).toHaveLength(expected.count);
    for (const [index, fields] of expected.checks) check(records[index]!, fields);
    const codes = new Set(warnings.map((w) => w.code));
    codes.delete('missing-title');
    codes.delete('empty-record');
    expect([...codes]).toEqual(expected.warnings ?? []);
  });

  it('reads every file present, including exports added later, with at least one record and no error', async () => {
    const { readdirSync } = await import('node:fs');
    const names = readdirSync(dir).filter((n) => !n.endsWith('.md'));
    expect(names.length).toBeGreaterThanOrEqual(Object.keys(EXPECTED).length);
    for (const name of names) {
      const { records } = await readCitations(readFileSync(path.join(dir, name)), { fileName: name });
      expect(records.length, name).toBeGreaterThan(0);
    }
  });

  it('keeps the details of each export: Embase PMIDs and DBs, Scopus continuation lines, MedlineDate, pages', async () => {
    const read = async (name: string): Promise<CitationRecord[]> => (await readCitations(readFileSync(path.join(dir, name)), { fileName: name })).records;
    const embase = await read('asreview-embase.ris');
    expect(embase[1]).toMatchObject({ pmid: '15368318', sourceDatabase: 'Embase', journal: 'Cancer', volume: '102', issue: '4', pages: '253-258' });
    expect(embase[1]!.raw.fields.DB).toEqual(['Embase', 'Medline']);
    const scopus = await read('asreview-scopus.ris');
    expect(scopus[1]!.pmid).toBe('31421429');
    expect(scopus[0]!.raw.fields.N1!.find((n) => n.startsWith('References:'))!.split('\n').length).toBeGreaterThan(100);
    const ovid = await read('asreview-ovid_zotero.ris');
    expect(ovid[0]!.pages).toBeUndefined(); // SP "No" / EP "Specified"
    const types = await read('asreview-baseline_reference_types.ris');
    expect(types.slice(1, 6).map((r) => r.type)).toEqual(['document', 'document', 'article', 'dataset', 'manuscript']);
    const xml = await read('asreview-pubmed.xml');
    expect(xml[3]!.date).toBe('2014-01');
    expect(xml[2]!.abstract).toMatch(/^OBJECTIVES: To consider .* METHODS: A 63-year-old .* DISCUSSION: /);
    expect(xml.map((r) => r.pages)).toEqual([undefined, '555.e1-555.e6', '58-63', '38-41', '363-365', '1167-1170', '643-652', '30-36', '1026-1033', '587-595']);
    const nbib = await read('synthesisr-pubmed-medline.nbib');
    expect(nbib[1]!.authors[5]).toEqual({ family: 'Mahy', given: 'Grégory' });
    const bib = await read('synthesisr-scopus.bib');
    expect(bib[0]!.keywords).toContain('Lake Taihu');
    expect(bib[0]!.raw.fields['funding_text 1']![0]).toMatch(/^The Special Fund/);
  });
});
