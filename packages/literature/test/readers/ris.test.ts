import { describe, expect, it } from 'vitest';
import { readCitations } from '../../src/index.js';
import { readFixture } from '../helpers.js';

describe('RIS reader', () => {
  it('reads an Embase export with a UTF-8 BOM and CRLF line ends', async () => {
    const { format, records, warnings } = await readFixture('embase-bom-crlf.ris');
    expect(format).toBe('ris');
    expect(records).toHaveLength(2);
    expect(warnings).toEqual([]);
    const [a, b] = records;
    expect(a!.title).toBe('Exosomes from induced pluripotent stem cell–derived mesenchymal cells accelerate wound healing in diabetic mice');
    expect(a!.authors).toEqual([{ family: 'Östberg', given: 'K.' }, { family: 'Nuñez-García', given: 'M.A.' }]);
    expect(a!.year).toBe(2021);
    expect(a!.journal).toBe('Journal of Extracellular Vesicles');
    expect(a!.volume).toBe('12');
    expect(a!.issue).toBe('4');
    expect(a!.pages).toBe('301-309');
    expect(a!.doi).toBe('10.1002/jev2.12001');
    expect(a!.pmid).toBe('33445566');
    expect(a!.sourceDatabase).toBe('Embase');
    expect(a!.abstract).toMatch(/^Background: Chronic wounds/);
    expect(a!.keywords).toEqual(['exosome', 'wound healing']);
    expect(a!.publicationTypes).toEqual(['Article']);
    expect(a!.raw.fields.DB).toEqual(['Embase', 'Medline']);
    expect(a!.raw.line).toBe(1);
    expect(b!.type).toBe('paper-conference');
    expect(b!.raw.line).toBe(25);
  });

  it('joins continuation lines, keeps blank lines inside a record, splits one-per-line keywords', async () => {
    const { records } = await readFixture('continuation-lines.ris');
    expect(records).toHaveLength(3);
    expect(records[0]!.abstract).toBe('Exosomes derived from mesenchymal stem cells carry miRNAs that modulate chondrocyte function.');
    expect(records[0]!.raw.fields.N1![0]).toContain('\nLai, R.C., Exosome secreted by MSC');
    expect(records[0]!.pmid).toBe('36912345');
    expect(records[0]!.pmcid).toBeUndefined();
    expect(records[0]!.sourceDatabase).toBe('Scopus');
    expect(records[1]!.raw.fields.U3).toEqual(['Cited By :2\n\nExport Date: 12 May 2022\n\nConference Paper']);
    expect(records[1]!.type).toBe('book');
    expect(records[1]!.isbn).toBe('978-3-030-58167-1');
    expect(records[1]!.authors).toEqual([{ family: 'van Acker', given: 'B.' }]);
    expect(records[2]!.keywords).toEqual(['Exosomes', 'Extracellular Vesicles', 'Wound Healing']);
    expect(records[2]!.pages).toBe('1-5');
  });

  it('maps TY types, T1/TI/ST titles and Y1/PY/DA dates; a faulty year is flagged; unknown tags are kept', async () => {
    const { records, warnings } = await readFixture('types-and-dates.ris');
    expect(records.map((r) => r.type)).toEqual(['article-journal', 'chapter', 'thesis', 'paper-conference', 'webpage', 'document']);
    expect(records.map((r) => r.title)).toEqual(['Title from T1', 'Title from TI', 'Short title only', 'A conference paper', 'A web page', 'An unknown type']);
    expect(records.map((r) => r.date)).toEqual(['2019-10-15', '2019-10', '2017', undefined, '2016', '2015']);
    expect(records[3]!.year).toBeUndefined();
    expect(records[3]!.flags).toContain('unparsed-year');
    expect(records[5]!.raw.fields.ZZ).toEqual(['also kept', 'twice']);
    expect(records[5]!.raw.fields.XX).toEqual(['kept in raw']);
    expect(warnings.map((w) => w.code).sort()).toEqual(['unknown-tags', 'unparsed-year']);
    expect(warnings.find((w) => w.code === 'unknown-tags')!.message).toContain('XX (1), ZZ (2)');
    expect(warnings.find((w) => w.code === 'unparsed-year')).toMatchObject({ line: 18, record: 'types-and-dates.ris#4' });
  });

  it('keeps records with empty values or no title, flagged, and an empty TY record', async () => {
    const { records, warnings } = await readFixture('empty-values.ris');
    expect(records).toHaveLength(3);
    expect(records[0]!.abstract).toBeUndefined();
    expect(records[1]!.title).toBeUndefined();
    expect(records[1]!.flags).toEqual(['missing-title']);
    expect(records[2]!.flags).toEqual(['empty-record', 'missing-title']);
    expect(warnings.filter((w) => w.code === 'missing-title')).toHaveLength(2);
  });

  it('reads a Latin-1 (Windows-1252) file, with a warning', async () => {
    const { records, warnings } = await readFixture('latin1.ris');
    expect(records[0]!.title).toBe('Réponse immunitaire aux exosomes: étude préliminaire');
    expect(records[0]!.authors[1]).toEqual({ family: 'Løkke', given: 'Søren' });
    expect(records[0]!.notes).toEqual(['Prix : 25 € – épuisé']);
    expect(warnings.map((w) => w.code)).toEqual(['encoding-fallback']);
  });

  it('reads UTF-16 with a BOM (EndNote for Windows) and the one-space "TY - " dialect', async () => {
    const utf16 = await readFixture('utf16-endnote.ris');
    expect(utf16.records[0]!.title).toBe('Exosome therapy for acute kidney injury');
    const oneSpace = await readFixture('one-space-dialect.ris');
    expect(oneSpace.records[0]).toMatchObject({ title: 'Exosomes and angiogenesis', year: 2022, doi: '10.1016/J.EXAMPLE.2022.001' });
  });

  it('combines AU and A1 authors in file order; LB is not a label; ASReview notes are', async () => {
    const text = 'TY  - JOUR\nAU  - author0\nA1  - author1\nA1  - author2\nTI  - T\nLB  - 1\nN1  - ASReview_relevant\nER  -\n';
    const { records } = await readCitations(text, { format: 'ris' });
    expect(records[0]!.authors.map((a) => a.family)).toEqual(['author0', 'author1', 'author2']);
    expect(records[0]!.label).toBe(1);
  });
});
