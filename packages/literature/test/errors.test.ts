import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCitations, streamCitations, writeCitations, deduplicate, LITERATURE_ERRORS, LiteratureError } from '../src/index.js';
import { fixtureBytes, readFixture, rejection } from './helpers.js';

describe('bad input', () => {
  it('a truncated RIS file: the file, the line, what was expected, and no records', async () => {
    const error = await rejection(readFixture('truncated.ris'));
    expect(error).toBeInstanceOf(LiteratureError);
    expect(error.code).toBe('EXO_ERR_LIT_TRUNCATED');
    expect(error.message).toBe('truncated.ris line 8: the file ends inside the record that begins at line 6 (expected "ER  -"; truncated?)');
    expect(error.context).toEqual({ file: 'truncated.ris', line: 8 });
  });

  it('a truncated PubMed XML file names the element it ends inside', async () => {
    const error = await rejection(readFixture('truncated.xml'));
    expect(error.code).toBe('EXO_ERR_LIT_TRUNCATED');
    expect(error.message).toBe('truncated.xml line 9: the file ends inside <PubmedArticle> (begun at line 6; truncated?)');
  });

  it('malformed XML and an unclosed BibTeX entry say what was expected where', async () => {
    const xml = await rejection(readFixture('malformed.xml'));
    expect(xml.code).toBe('EXO_ERR_LIT_MALFORMED');
    expect(xml.message).toBe('malformed.xml line 4: the XML is not well formed: found </Article> where </ArticleTitle> was expected');
    const bib = await rejection(readFixture('unclosed.bib'));
    expect(bib.code).toBe('EXO_ERR_LIT_MALFORMED');
    expect(bib.message).toBe('unclosed.bib line 5: a new entry starts before the entry @article{First2020 of line 1 was closed (expected "}")');
    const unterminated = await rejection(readCitations('title\n"open quote\n', { fileName: 'q.csv' }));
    expect(unterminated.message).toBe('q.csv line 3: the file ends inside a quoted field that opens at line 2 (expected a closing \'"\'; truncated?)');
    const json = await rejection(readCitations('[{"title": "a"}, {"title": }]', { fileName: 'x.json' }));
    expect(json.code).toBe('EXO_ERR_LIT_MALFORMED');
    expect(json.message).toMatch(/^x\.json line 1: the item that begins here is not valid JSON/);
    const medline = await rejection(readCitations('PMID- 1\nTI  - x\nnot a tag line\n', { fileName: 'x.nbib', format: 'medline' }));
    expect(medline.message).toBe('x.nbib line 3: expected a MEDLINE tag line ("TAG - value") or an indented continuation, found "not a tag line"');
  });

  it('an empty file, or one of blanks only, is refused with a clear message', async () => {
    const empty = await rejection(readFixture('empty.ris'));
    expect(empty.code).toBe('EXO_ERR_LIT_EMPTY_FILE');
    expect(empty.message).toBe('empty.ris: the file is empty: there are no records to read');
    expect((await rejection(readFixture('whitespace-only.nbib'))).code).toBe('EXO_ERR_LIT_EMPTY_FILE');
    const noRecords = await rejection(readCitations('title,abstract\n', { fileName: 'h.csv' }));
    expect(noRecords.message).toBe('h.csv: the file holds no csv records');
  });

  it('unknown formats and binary files are refused', async () => {
    const prose = await rejection(readFixture('not-bibliographic.txt'));
    expect(prose.code).toBe('EXO_ERR_LIT_UNKNOWN_FORMAT');
    expect(prose.message).toContain('it begins "Dear colleague,"');
    const pdf = await rejection(readCitations(new TextEncoder().encode('%PDF-1.7\n...'), { fileName: 'paper.pdf' }));
    expect(pdf.code).toBe('EXO_ERR_LIT_ENCODING');
    expect(pdf.message).toBe('paper.pdf: this is a PDF document, not a bibliographic text file');
    const strict = await rejection(readCitations(fixtureBytes('latin1.ris'), { fileName: 'latin1.ris', encoding: 'utf-8' }));
    expect(strict.code).toBe('EXO_ERR_LIT_ENCODING');
  });

  it('bad options are refused with EXO_ERR_LIT_BAD_OPTION', async () => {
    expect(() => streamCitations('x', { format: 'docx' as never })).toThrow(/unknown input format "docx"/);
    expect(() => writeCitations([], 'docx' as never)).toThrow(/unknown output format "docx"/);
    expect(() => deduplicate([], { threshold: 2 })).toThrow(/threshold must be a number above 0 and at most 1, not 2/);
  });

  it('issue 22: every code this package names in its source is declared in its own list (which the catalogue assembles)', () => {
    const named = new Set<string>();
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else for (const m of readFileSync(path, 'utf8').matchAll(/'(EXO_ERR_[A-Z_]*[A-Z])'/g)) named.add(m[1]!);
      }
    };
    walk(join(import.meta.dirname, '..', 'src'));
    expect(named.size).toBeGreaterThan(3);
    for (const code of named) expect(LITERATURE_ERRORS, code).toHaveProperty(code);
  });
});
