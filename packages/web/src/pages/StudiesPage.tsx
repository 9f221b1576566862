import { useEffect, useId, useMemo, useState } from 'react';
import { paths, type ApiResponses, type StudyFilterValues } from '../api/client';
import type { EntitySummary } from '../api/types';
import { SelectField, type SelectOption } from '../components/SelectField';
import { Async } from '../components/StatusMessage';
import { SORT_KEYS, StudyTable, sortStudies, type SortKey } from '../components/StudyTable';
import { useApi } from '../hooks/useApi';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { CELL_SOURCE_LABELS, DISEASE_AREA_LABELS, SETTING_LABELS, SPECIES_LABELS, label } from '../lib/labels';
import { Link } from '../router/Link';
import { navigate, withQuery, type Route } from '../router/router';

/** Query parameters of the studies page, in the order they appear in a shared link. */
const PARAMS = ['diseaseArea', 'condition', 'species', 'cellSource', 'setting', 'vesicle', 'mirna', 'pathway', 'entity', 'inTable1', 'origin', 'text', 'sort', 'desc'] as const;
type Param = (typeof PARAMS)[number];

export function readStudyParams(query: URLSearchParams): Record<Param, string> {
  return Object.fromEntries(PARAMS.map((p) => [p, query.get(p) ?? ''])) as Record<Param, string>;
}

const facetOptions = (values: { value: string; count: number }[] | undefined, labels?: Record<string, string>): SelectOption[] =>
  (values ?? []).map((v) => ({ value: v.value, label: labels ? label(labels, v.value) : v.value, count: v.count }));

const entityOptions = (items: EntitySummary[] | undefined): SelectOption[] =>
  (items ?? [])
    .filter((e) => e.studyCount > 0)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((e) => ({ value: e.id, label: e.name, count: e.studyCount }));

/** The studies: faceted filters, a text filter and a sortable table; every choice lives in the URL. */
export function StudiesPage({ route }: { route: Route }) {
  useDocumentTitle('Studies');
  const p = readStudyParams(route.query);
  const set = (changes: Partial<Record<Param, string>>, replace = false): void => navigate(withQuery('/studies', { ...p, ...changes }), { replace });

  // On a phone the filters fold away so that the results come first.
  const [isCollapsed, setIsCollapsed] = useState(() => typeof window !== 'undefined' && window.matchMedia?.('(max-width: 60rem)').matches === true);
  const facets = useApi<ApiResponses['facets']>(paths.facets());
  const mirnas = useApi<ApiResponses['entities']>(paths.entities({ kind: 'mirna' }));
  const pathways = useApi<ApiResponses['entities']>(paths.entities({ kind: 'pathway' }));
  const hasEntityFacets = mirnas.data !== undefined && pathways.data !== undefined;

  const serverEntity = p.entity || p.mirna || p.pathway;
  const filters: StudyFilterValues = { diseaseArea: p.diseaseArea, condition: p.condition, species: p.species, cellSource: p.cellSource, setting: p.setting, entity: serverEntity, inTable1: p.inTable1, origin: p.origin, text: p.text };
  const studies = useApi<ApiResponses['studies']>(paths.studies(filters));

  const sort: SortKey = (SORT_KEYS as readonly string[]).includes(p.sort) ? (p.sort as SortKey) : 'diseaseArea';
  const isDescending = p.desc === '1';
  const total = facets.data?.diseaseArea?.reduce((n, v) => n + v.count, 0);

  const shown = useMemo(() => {
    let items = studies.data?.items ?? [];
    // The API filters by one entity; a second (miRNA and pathway both chosen) is applied here.
    for (const extra of [p.mirna, p.pathway, p.entity].filter((x) => x && x !== serverEntity)) items = items.filter((s) => s.linkedEntities.includes(extra));
    // The evidence map counts vesicle studies (exosomes and EVs) apart from cell therapies; so does this filter.
    if (p.vesicle === 'exosome') items = items.filter((s) => s.vesicle !== 'cell');
    else if (p.vesicle === 'cell') items = items.filter((s) => s.vesicle === 'cell');
    return sortStudies(items, sort, isDescending);
  }, [studies.data, p.mirna, p.pathway, p.entity, p.vesicle, serverEntity, sort, isDescending]);

  const onSort = (key: SortKey): void => set({ sort: key, desc: key === sort && !isDescending ? '1' : '' }, true);
  const activeFilters = PARAMS.filter((k) => k !== 'sort' && k !== 'desc' && p[k] !== '');

  return (
    <>
      <h1>Studies</h1>
      <p className="lead">
        Every study the review describes — the 20 rows of its Table 1 and the studies discussed in its text — and the studies that living-review projects
        have published into the atlas, each marked by where it comes from. Filter by disease area, model, cell source or the molecules involved; open a study
        for its full record, the review's own words (or the project it comes from) and its references.
      </p>
      <div className="with-sidebar">
        <form className={isCollapsed ? 'filters is-collapsed' : 'filters'} aria-labelledby="filters-heading" onSubmit={(e) => e.preventDefault()}>
          <h2 id="filters-heading" className="filters-heading">
            Filter studies
          </h2>
          <button type="button" className="button button-secondary filters-toggle" aria-expanded={!isCollapsed} aria-controls="filters-body" onClick={() => setIsCollapsed((c) => !c)}>
            {isCollapsed ? 'Show filters' : 'Hide filters'}
            {activeFilters.length > 0 ? ` (${activeFilters.length} active)` : ''}
          </button>
          <div id="filters-body" className="filters-body">
            <TextFilter value={p.text} onChange={(text) => set({ text }, true)} />
            <SelectField label="Disease area" value={p.diseaseArea} options={facetOptions(facets.data?.diseaseArea, DISEASE_AREA_LABELS)} onChange={(v) => set({ diseaseArea: v })} />
            <SelectField label="Condition" value={p.condition} options={facetOptions(facets.data?.condition)} onChange={(v) => set({ condition: v })} />
            <SelectField label="Species" value={p.species} options={facetOptions(facets.data?.species, SPECIES_LABELS)} onChange={(v) => set({ species: v })} />
            <SelectField label="Vesicles from (cell source)" value={p.cellSource} options={facetOptions(facets.data?.cellSource, CELL_SOURCE_LABELS)} onChange={(v) => set({ cellSource: v })} />
            <SelectField label="Setting" value={p.setting} options={facetOptions(facets.data?.setting, SETTING_LABELS)} onChange={(v) => set({ setting: v })} />
            <SelectField
              label="Therapy"
              anyLabel="Vesicles and cells"
              value={p.vesicle}
              options={[
                { value: 'exosome', label: 'Exosomes and EVs' },
                { value: 'cell', label: 'Cell therapy' },
              ]}
              onChange={(v) => set({ vesicle: v })}
            />
            {hasEntityFacets ? (
              <>
                <SelectField label="Pathway" value={p.pathway} options={entityOptions(pathways.data?.items)} onChange={(v) => set({ pathway: v })} />
                <SelectField label="miRNA" value={p.mirna} options={entityOptions(mirnas.data?.items)} onChange={(v) => set({ mirna: v })} />
              </>
            ) : (
              <EntityTextFilter value={p.entity} onChange={(entity) => set({ entity }, true)} />
            )}
            <SelectField
              label="Source in the review"
              anyLabel="Table 1 and text"
              value={p.inTable1}
              options={[
                { value: 'true', label: 'Table 1 rows' },
                { value: 'false', label: 'Discussed in the text' },
              ]}
              onChange={(v) => set({ inTable1: v })}
            />
            <SelectField
              label="Comes from"
              anyLabel="The review and projects"
              value={p.origin}
              options={[
                { value: 'review', label: 'The review' },
                { value: 'project', label: 'A living-review project' },
              ]}
              onChange={(v) => set({ origin: v })}
            />
            {activeFilters.length > 0 && (
              <p>
                <Link to={withQuery('/studies', { sort: p.sort, desc: p.desc })} className="clear-filters">
                  Clear all filters
                </Link>
              </p>
            )}
          </div>
        </form>
        <section className="results" aria-labelledby="results-heading">
          <h2 id="results-heading" className="visually-hidden">
            Matching studies
          </h2>
          <p className="result-count" role="status" aria-live="polite">
            {studies.data ? `${shown.length} ${shown.length === 1 ? 'study' : 'studies'}${total !== undefined ? ` of ${total}` : ''}` : ''}
            {activeFilters.length > 0 && studies.data ? ` · filtered by ${activeFilters.map(filterName).join(', ')}` : ''}
          </p>
          <Async state={studies} what="Studies">
            {() =>
              shown.length === 0 ? (
                <p className="empty">No study matches these filters. Remove a filter to see more.</p>
              ) : (
                <StudyTable studies={shown} sort={sort} isDescending={isDescending} onSort={onSort} caption="Studies matching the filters" />
              )
            }
          </Async>
        </section>
      </div>
    </>
  );
}

const filterName = (k: Param): string =>
  ({ diseaseArea: 'disease area', cellSource: 'cell source', inTable1: 'source', origin: 'origin', text: 'words', mirna: 'miRNA', pathway: 'pathway', entity: 'entity', vesicle: 'therapy' })[k as string] ?? k;

/** A text input that updates the URL when typing pauses. */
function DebouncedInput({ label, value, onChange, placeholder, hint }: { label: string; value: string; onChange: (v: string) => void; placeholder?: string; hint?: string }) {
  const id = useId();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text === value) return;
    const t = window.setTimeout(() => onChange(text.trim()), 300);
    return () => window.clearTimeout(t);
  }, [text, value, onChange]);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" value={text} placeholder={placeholder} aria-describedby={hint ? `${id}-hint` : undefined} onChange={(e) => setText(e.target.value)} />
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
    </div>
  );
}

function TextFilter({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  return <DebouncedInput label="Words in the study" value={value} onChange={onChange} placeholder="e.g. angiogenesis" />;
}

function EntityTextFilter({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  return <DebouncedInput label="miRNA, gene or pathway" value={value} onChange={onChange} placeholder="e.g. miR-135b" hint="An exact name, e.g. miR-21 or PI3K/Akt" />;
}
