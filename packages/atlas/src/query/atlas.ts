import { ExoError, type Claim, type DiseaseArea, type Entity, type KnowledgeBase, type Reference, type Study } from '@exoatlas/schema';
import { EntityIndex } from './entity-index.js';
import { UNSPECIFIED_SPECIES, comparatorSources, filterStudies, vesicleScope, type StudyFilters } from './study-filters.js';
import { entityLinks, entityNotFound, entityPage, listEntities, resolveFolded, type EntityFilters, type EntityLinks, type EntityPage, type EntitySummary } from '../entities/index.js';
import { claimAreaResolver, diseaseAreaIndex, filterClaims, findPaths, queryGraph, type ClaimFilters, type GraphPath, type GraphQuery, type MechanismGraph, type PathOptions } from '../graph/index.js';
import { evidenceMap, type EvidenceMap, type EvidenceMapOptions } from '../evidence-map/index.js';
import { adviseMethods, parseNeeds, type Advice, type RawNeeds } from '../advisor/index.js';
import { formatReferences, type CitationFormat } from '../citations/index.js';
import { overview, type Overview } from './overview.js';

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
  readonly entitiesById: ReadonlyMap<string, Entity>;
  private derived?: { links: EntityLinks; claimAreas: (claim: Claim) => DiseaseArea[] };

  constructor(readonly kb: KnowledgeBase) {
    this.entityIndex = new EntityIndex(kb.entities);
    this.studiesById = new Map(kb.studies.map((s) => [s.id, this.link(s)]));
    this.referencesByNumber = new Map(kb.references.map((r) => [r.reviewNumber, r]));
    this.entitiesById = new Map(kb.entities.map((e) => [e.id, e]));
  }

  /** Which claims and studies name each entity, and the disease areas of claims: built on first use. */
  private get knowledge(): { links: EntityLinks; claimAreas: (claim: Claim) => DiseaseArea[] } {
    this.derived ??= {
      links: entityLinks(this.kb.claims, this.studies),
      claimAreas: claimAreaResolver(this.entitiesById, diseaseAreaIndex(this.kb.studies, this.entitiesById, (text) => this.entityIndex.mentionedIn(text))),
    };
    return this.derived;
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

  /**
   * The entity with this id, name or synonym (case-insensitive; also with punctuation ignored when that picks one
   * entity: "mir21", "PI3K-Akt pathway"); EXO_ERR_NOT_FOUND_ENTITY, suggesting close names, when there is none.
   */
  getEntity(idOrName: string, field?: string): Entity {
    const entity = this.entityIndex.resolve(idOrName) ?? resolveFolded(idOrName, this.kb.entities);
    if (!entity) throw entityNotFound(idOrName, this.kb.entities, field);
    return entity;
  }

  /** Entities of a kind or matching words, with their claim and study counts, paged. */
  listEntities(filters: EntityFilters = {}, page: { limit?: number; offset?: number } = {}): Page<EntitySummary> {
    return paged(listEntities(this.kb.entities, this.knowledge.links, filters), page);
  }

  /** Everything about one entity (by id, name or synonym): its claims, studies, diseases and references. */
  entityPage(idOrName: string): EntityPage {
    const entity = this.getEntity(idOrName);
    const { links, claimAreas } = this.knowledge;
    const claimIds = new Set(links.claimIds.get(entity.id) ?? []);
    return entityPage({
      entity,
      claims: this.kb.claims.filter((c) => claimIds.has(c.id)),
      studies: (links.studyIds.get(entity.id) ?? []).map((id) => this.getStudy(id)),
      entitiesById: this.entitiesById,
      references: (numbers) => this.referencesFor(numbers),
      claimAreas,
    });
  }

  /** The disease areas of a claim (from its diseases, section and figure). */
  claimAreas(claim: Claim): DiseaseArea[] {
    return this.knowledge.claimAreas(claim);
  }

  /** Claims matching the filters (entity, figure, disease area, cell source). */
  listClaims(filters: ClaimFilters = {}): { total: number; items: Claim[] } {
    const items = filterClaims(this.kb.claims, filters, this.graphContext());
    return { total: items.length, items };
  }

  /** The mechanism graph of the claims matching the filters, or the neighbourhood of `focus` in it. */
  graph(query: GraphQuery = {}): MechanismGraph {
    return queryGraph(query, this.graphContext());
  }

  /** Paths from one entity to another along the claims (subject → object), shortest first. */
  graphPaths(from: string, to: string, options: PathOptions = {}): { from: string; to: string; paths: GraphPath[] } {
    const a = this.getEntity(from, 'from');
    const b = this.getEntity(to, 'to');
    return { from: a.id, to: b.id, paths: findPaths(this.graph(), a.id, b.id, options) };
  }

  private graphContext() {
    return { claims: this.kb.claims, entitiesById: this.entitiesById, claimAreas: this.knowledge.claimAreas, resolveEntity: (idOrName: string) => this.getEntity(idOrName, 'entity') };
  }

  /** Study counts by two dimensions, the iMSC-versus-adult-MSC comparisons and the review's gaps. */
  evidenceMap(options: EvidenceMapOptions = {}): EvidenceMap {
    return evidenceMap(this.kb.studies, this.kb.gaps, options);
  }

  /** The isolation methods ranked for a user's needs, every reason quoted from the review. */
  adviseMethods(needs: RawNeeds): Advice {
    return adviseMethods(this.kb, parseNeeds(needs));
  }

  /** References (all, or those numbered) in a citation format. */
  async formatReferences(format: CitationFormat, numbers?: readonly (number | string)[]): Promise<string> {
    return formatReferences(numbers ? numbers.map((n) => this.getReference(n)) : this.kb.references, format);
  }

  /** Counts, key messages and the source for a front page. */
  overview(): Overview {
    return overview(this.kb);
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

  /** The values each study filter can take, with counts (for facets): each count is what that filter returns. */
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
      species: count(studies.flatMap((s) => (s.species.length > 0 ? s.species : [UNSPECIFIED_SPECIES]))),
      cellSource: count(studies.map((s) => s.cellSource)),
      comparator: count(studies.flatMap((s) => comparatorSources(s))),
      setting: count(studies.flatMap((s) => s.setting)),
      vesicle: count(studies.map((s) => vesicleScope(s))),
      // Issue 18: the review's own studies against those published from living-review projects (origin= filter).
      origin: count(studies.map((s) => s.origin.kind)),
    };
  }
}

function paged<T>(all: T[], page: { limit?: number; offset?: number }): Page<T> {
  const limit = page.limit ?? all.length;
  const offset = page.offset ?? 0;
  return { total: all.length, limit, offset, items: all.slice(offset, offset + limit) };
}
