/** Shapes of the ExoAtlas HTTP API (see /api/openapi.json); record types come from @exoatlas/schema. */
import type { Overview as AtlasOverview } from '@exoatlas/atlas';
import type {
  Advantage,
  BiologyStatement,
  Claim,
  Direction,
  Entity,
  Fact,
  Gap,
  IsolationMethod,
  KnowledgeBase,
  Limitation,
  MethodStatement,
  Provenance,
  Reference,
  Source,
  Study,
} from '@exoatlas/schema';

export type { Advantage, BiologyStatement, Claim, Direction, Entity, Fact, Gap, IsolationMethod, KnowledgeBase, Limitation, Provenance, Reference, Source, Study };
export type MethodStatementView = MethodStatement;

export type LinkedStudy = Study & { linkedEntities: string[] };

export interface Page<T> {
  total: number;
  limit: number;
  offset: number;
  items: T[];
}

export type StudyDetail = LinkedStudy & { references: Reference[] };

export type Facets = Record<string, { value: string; count: number }[]>;

export type SearchKind = 'study' | 'reference' | 'entity' | 'claim' | 'isolationMethod' | 'fact' | 'advantage' | 'limitation' | 'direction' | 'gap' | 'biology';

export interface SearchHit {
  kind: SearchKind;
  id: string;
  title: string;
  /** HTML-escaped excerpt with <mark> around the matches */
  snippet: string;
  score: number;
}

export interface SearchResult {
  query: string;
  total: number;
  hits: SearchHit[];
}

/** The counts of GET /api/overview, as packages/atlas computes them. */
export type OverviewCounts = AtlasOverview['counts'];

export interface Overview {
  counts: Partial<OverviewCounts>;
  keyMessages: Direction[];
  source?: Source;
  /** iMSC vesicle studies, iMSC cell therapies and studies printed as iMSC whose vesicles came from elsewhere. */
  whereTested?: AtlasOverview['whereTested'];
}

export type EntitySummary = Entity & { claimCount: number; studyCount: number };

/** The fields of a study an entity page lists. */
export interface StudySummary {
  id: string;
  title: string;
  diseaseArea: string;
  condition: string;
  cellSource: string;
  species: string[];
  inTable1: boolean;
  table1Row?: number;
}

export interface EntityDetail {
  entity: Entity;
  claims: Claim[];
  studies: StudySummary[];
  diseases?: (Entity | string)[];
  references: Reference[];
  byDiseaseArea: Record<string, { claims: string[]; studies: string[] }>;
}

export interface GraphNode {
  id: string;
  label: string;
  kind: string;
  diseaseAreas?: string[];
  /** steps from the focus entity, in a neighbourhood */
  distance?: number;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  predicate: string;
  claimIds: string[];
  figures?: number[];
  referenceNumbers?: number[];
  isHedged?: boolean;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface MapCell {
  row: string;
  col: string;
  count: number;
  studyIds: string[];
  /** of those, studies published from living-review projects */
  fromProjects?: number;
  gapIds?: string[];
}

export interface MapComparison {
  studyId: string;
  title: string;
  source: string;
  comparator: string;
  result: string;
  summary: string;
  diseaseArea: string;
  condition?: string;
  referenceNumbers?: number[];
}

export type MapGap = Gap & { row?: string; col?: string };

export interface EvidenceMap {
  /** which studies are counted: exosome (exosomes and EVs, the default), cell or all */
  vesicle?: string;
  rows: string[];
  cols: string[];
  cells: MapCell[];
  comparisons: MapComparison[];
  gaps: MapGap[];
}

export interface AdviceReason {
  need: string;
  /** 'favours' or 'counts against' */
  effect: string;
  points?: number;
  statement: string;
  quote?: string;
  section?: string;
  referenceNumbers?: number[];
}

export interface AdviceRank {
  /** the method's abbreviation (dUC, SEC…) */
  method: string;
  id?: string;
  name: string;
  rank: number;
  score: number;
  reasons: AdviceReason[];
  unknown?: string[];
}

export interface AdviceCombination {
  methods: string[];
  text: string;
  quote?: string;
  section?: string;
  referenceNumbers?: number[];
  favours?: string[];
}

export interface Advice {
  needs: Record<string, { value: string | string[]; weight: number }>;
  ranking: AdviceRank[];
  combinations?: (AdviceCombination | string)[];
  notes?: (string | { text?: string })[];
}

export interface MetaRequest {
  rows: Record<string, string | number | null>[];
  measure: string;
  method: string;
  test: string;
  mods?: string[];
  subgroup?: string;
  bias?: boolean;
  leaveOneOut?: boolean;
}

export interface MetaResponse {
  svg?: { forest?: string; funnel?: string };
  [key: string]: unknown;
}
