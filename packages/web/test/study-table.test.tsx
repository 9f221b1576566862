import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { StudyTable, sortStudies } from '../src/components/StudyTable';
import { relatedStudies } from '../src/lib/related';
import { study } from './fixtures';

const studies = [
  study('b', { title: 'Beta', year: 2019, diseaseArea: 'renal', comparisons: [{ comparator: 'SM-MSC', result: 'superior', summary: 's' }] }),
  study('a', { title: 'Alpha', year: 2021, inTable1: true, table1Row: 3 }),
  study('c', { title: 'Gamma', year: 2010, condition: 'Osteoarthritis', referenceNumbers: [16, 20] }),
];

describe('StudyTable', () => {
  it('sorts by a column, either way, ties by title', () => {
    expect(sortStudies(studies, 'year', false).map((s) => s.id)).toEqual(['c', 'b', 'a']);
    expect(sortStudies(studies, 'year', true).map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(sortStudies(studies, 'diseaseArea', false).map((s) => s.id)).toEqual(['a', 'c', 'b']);
    expect(sortStudies(studies, 'table1Row', false)[0]!.id).toBe('a');
  });

  it('renders row headers linking to each study, sortable column buttons and aria-sort', () => {
    const html = renderToStaticMarkup(<StudyTable studies={studies} sort="year" isDescending onSort={() => {}} caption="Studies" />);
    expect(html.match(/<th scope="row"/g)).toHaveLength(3);
    expect(html).toContain('href="/studies/a"');
    expect(html).toContain('aria-sort="descending"');
    expect(html.match(/class="sort-button"/g)).toHaveLength(7);
    expect(html).toContain('Superior to SM-MSC');
    expect(html).toContain('row 3');
  });

  it('finds related studies by condition, shared references and molecules', () => {
    const related = relatedStudies(studies[2]!, studies);
    expect(related[0]!.study.id).toBe('a');
    expect(related[0]!.reasons).toContain('same condition');
    expect(related[0]!.reasons.some((r) => r.startsWith('cites [16]'))).toBe(true);
  });
});
