import type { LinkedStudy } from '../api/types';
import { CELL_SOURCE_LABELS, DISEASE_AREA_LABELS, RESULT_LABELS, SPECIES_LABELS, label } from '../lib/labels';
import { Link } from '../router/Link';

export const SORT_KEYS = ['title', 'year', 'diseaseArea', 'condition', 'species', 'cellSource', 'table1Row'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'title', label: 'Study' },
  { key: 'year', label: 'Year' },
  { key: 'diseaseArea', label: 'Disease area' },
  { key: 'condition', label: 'Condition' },
  { key: 'species', label: 'Species' },
  { key: 'cellSource', label: 'Vesicles from' },
  { key: 'table1Row', label: 'Source' },
];

const sortValue = (s: LinkedStudy, key: SortKey): string | number => {
  switch (key) {
    case 'year':
      return s.year ?? 0;
    case 'table1Row':
      return s.table1Row ?? (s.origin.kind === 'project' ? 1000 : 999);
    case 'species':
      return s.species.join(', ');
    default:
      return String(s[key] ?? '');
  }
};

/** Where a study comes from (issue 18 item 2): a Table 1 row or the text of the review, or the project that published it. */
export function sourceLabel(s: LinkedStudy): string {
  if (s.origin.kind === 'project') return `Project: ${s.origin.projectName ?? s.origin.projectId}`;
  return s.inTable1 ? `Table 1, row ${s.table1Row}` : 'Review text';
}

/** Sorts studies by a column; ties keep the title order. */
export function sortStudies(studies: readonly LinkedStudy[], key: SortKey, isDescending: boolean): LinkedStudy[] {
  const dir = isDescending ? -1 : 1;
  return [...studies].sort((a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return c !== 0 ? c * dir : a.title.localeCompare(b.title);
  });
}

/** A readable, sortable table of studies. Pure: sorting is driven by props, the header buttons call onSort. */
export function StudyTable({
  studies,
  sort,
  isDescending,
  onSort,
  caption,
}: {
  studies: readonly LinkedStudy[];
  sort: SortKey;
  isDescending: boolean;
  onSort: (key: SortKey) => void;
  caption: string;
}) {
  return (
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className="data-table study-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => {
              const isSorted = c.key === sort;
              return (
                <th key={c.key} scope="col" aria-sort={isSorted ? (isDescending ? 'descending' : 'ascending') : undefined}>
                  <button type="button" className="sort-button" onClick={() => onSort(c.key)}>
                    {c.label}
                    <span className="sort-indicator" aria-hidden="true">
                      {isSorted ? (isDescending ? ' ▼' : ' ▲') : ' ↕'}
                    </span>
                    <span className="visually-hidden">{isSorted ? (isDescending ? ', sorted descending' : ', sorted ascending') : ', sort'}</span>
                  </button>
                </th>
              );
            })}
            <th scope="col">Head-to-head result</th>
          </tr>
        </thead>
        <tbody>
          {studies.map((s) => (
            <tr key={s.id}>
              <th scope="row" className="study-title-cell">
                <Link to={`/studies/${s.id}`}>{s.title}</Link>
              </th>
              <td className="num">{s.year ?? '–'}</td>
              <td>{label(DISEASE_AREA_LABELS, s.diseaseArea)}</td>
              <td>{s.condition}</td>
              <td>{s.species.map((x) => label(SPECIES_LABELS, x)).join(', ') || '–'}</td>
              <td>
                <abbr title={label(CELL_SOURCE_LABELS, s.cellSource)}>{s.cellSource}</abbr>
              </td>
              <td>{sourceLabel(s)}</td>
              <td>
                {s.comparisons.length === 0
                  ? '–'
                  : s.comparisons.map((c, i) => (
                      <span key={i} className={`result result-${c.result}`}>
                        {label(RESULT_LABELS, c.result)} to {c.comparator}
                        {i < s.comparisons.length - 1 ? '; ' : ''}
                      </span>
                    ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
