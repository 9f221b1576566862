import { ExoError, type Entity, type KnowledgeBase, type Reference, type Study } from '@exoatlas/schema';
import { EntityIndex } from './entity-index.js';
import { filterStudies, type StudyFilters } from './study-filters.js';

/** A study as the atlas serves it: the curated record plus the entities it is linked to. */
export type LinkedStudy = Study & { linkedEntities: string[] };

export interface Page<T> {
  total: number;
  limit: number;
  offset: number;
  items: T[];
}

/** Answers questions about a validated knowledge base. Pure and in memory; the store persists and indexes it. */
export class Atlas {
  readonly entityIndex: EntityIndex;
  private readonly studiesById: Map<string, LinkedStudy>;
  private readonly referencesByNumber: Map<number, Reference>;

  constructor(readonly kb: KnowledgeBase) {
    this.entityIndex = new EntityIndex(kb.entities);
    this.studiesById = new Map(kb.studies.map((s) => [s.id, this.link(s)]));
    this.referencesByNumber = new Map(kb.references.map((r) => [r.reviewNumber, r]));
  }

  /** Explicit entities plus those the study's text names. */
  private link(s: Study): LinkedStudy {
    const text = [s.diseaseType, s.condition, s.model, s.outcome, s.mechanism, ...s.provenance.map((p) => p.quote)].filter(Boolean).join(' \n ');
    const ids = new Set([...s.entities, ...this.entityIndex.mentionedIn(text)]);
    return { ...s, linkedEntities: [...ids].sort() };
  }

  get studies(): LinkedStudy[] {
    return [...this.studiesById.values()];
  }

  /** Studies matching the filters, paged. */
  listStudies(filters: StudyFilters = {}, page: { limit?: number; offset?: number } = {}): Page<LinkedStudy> {
    const all = filterStudies(this.studies, filters, this.entityIndex, (s) => (s as LinkedStudy).linkedEntities) as LinkedStudy[];
    const limit = page.limit ?? all.length;
    const offset = page.offset ?? 0;
    return { total: all.length, limit, offset, items: all.slice(offset, offset + limit) };
  }

  /** One study by id; EXO_ERR_NOT_FOUND_STUDY when there is none. */
  getStudy(id: string): LinkedStudy {
    const study = this.studiesById.get(id);
    if (!study) throw new ExoError('EXO_ERR_NOT_FOUND_STUDY', `no study '${id}'`, { id });
    return study;
  }

  /** The entity with this id, name or synonym; EXO_ERR_NOT_FOUND_ENTITY when there is none. */
  getEntity(idOrName: string): Entity {
    const entity = this.entityIndex.resolve(idOrName);
    if (!entity) throw new ExoError('EXO_ERR_NOT_FOUND_ENTITY', `no entity '${idOrName}'`, { id: idOrName });
    return entity;
  }

  /** The reference with this review number (or id "ref-N"). */
  getReference(numberOrId: number | string): Reference {
    const n = typeof numberOrId === 'number' ? numberOrId : Number(String(numberOrId).replace(/^ref-/, ''));
    const ref = this.referencesByNumber.get(n);
    if (!ref) throw new ExoError('EXO_ERR_NOT_FOUND_REFERENCE', `no reference '${numberOrId}'`, { id: String(numberOrId) });
    return ref;
  }

  /** References cited by a list of numbers, skipping none: a missing number throws. */
  referencesFor(numbers: readonly number[]): Reference[] {
    return [...new Set(numbers)].sort((a, b) => a - b).map((n) => this.getReference(n));
  }

  /** The values each study filter can take, with counts (for facets). */
  facets(): Record<string, { value: string; count: number }[]> {
    const count = (values: string[]): { value: string; count: number }[] => {
      const m = new Map<string, number>();
      for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
      return [...m.entries()].map(([value, n]) => ({ value, count: n })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    };
    const studies = this.studies;
    return {
      diseaseArea: count(studies.map((s) => s.diseaseArea)),
      condition: count(studies.map((s) => s.condition)),
      species: count(studies.flatMap((s) => s.species)),
      cellSource: count(studies.map((s) => s.cellSource)),
      setting: count(studies.flatMap((s) => s.setting)),
    };
  }
}
