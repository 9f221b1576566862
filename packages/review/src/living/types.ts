/** Issue 21: saved searches of a review project and their runs (the living part of a living review). */

export const SEARCH_DATABASES = ['pubmed', 'europepmc', 'openalex', 'crossref'] as const;
export type SearchDatabase = (typeof SEARCH_DATABASES)[number];

export const SCHEDULES = ['none', 'daily', 'weekly'] as const;
export type Schedule = (typeof SCHEDULES)[number];

/** How long each schedule waits between two runs. */
export const SCHEDULE_INTERVAL_MS: Readonly<Record<Exclude<Schedule, 'none'>, number>> = { daily: 86_400_000, weekly: 7 * 86_400_000 };

export interface SavedSearch {
  id: number;
  projectId: string;
  database: SearchDatabase;
  query: string;
  /** Service-specific filters (PubMed mindate/maxdate, OpenAlex and Crossref `filter`, …). */
  filters: Record<string, string>;
  schedule: Schedule;
  /** When the schedule runs it next (ISO); null without a schedule. */
  nextRunAt: string | null;
  /** Set while a run holds the search (ISO start of that run). */
  runningSince: string | null;
  createdBy: number;
  createdAt: string;
}

export type RunStatus = 'running' | 'succeeded' | 'failed';

export interface SearchRun {
  id: number;
  savedSearchId: number;
  projectId: string;
  trigger: 'manual' | 'schedule';
  runBy: number | null;
  startedAt: string;
  finishedAt: string | null;
  database: SearchDatabase;
  /** The query and filters as they ran (the saved search may change later). */
  query: string;
  filters: Record<string, string>;
  status: RunStatus;
  /** How many records the service said match. */
  total: number | null;
  /** How many records the run read. */
  found: number | null;
  /** How many of them were new to the project (the rest were duplicates of records it held or of each other). */
  newRecords: number | null;
  duplicates: number | null;
  /** Why the run read fewer than `total` (budget, deadline, service limit). */
  stoppedEarly: string | null;
  error: string | null;
  /** The project search (import) the run's records entered through. */
  searchId: number | null;
}

export interface NewSavedSearch {
  projectId: string;
  database: SearchDatabase;
  query: string;
  filters: Record<string, string>;
  schedule: Schedule;
  nextRunAt: string | null;
  createdBy: number;
  createdAt: string;
}

export interface RunOutcome {
  finishedAt: string;
  status: 'succeeded' | 'failed';
  total?: number;
  found?: number;
  newRecords?: number;
  duplicates?: number;
  stoppedEarly?: string;
  error?: string;
  searchId?: number;
  /** The saved search's next scheduled run (left as it is when undefined). */
  nextRunAt?: string | null;
}

/** Persistence of saved searches and their runs (packages/store, both backends). */
export interface SavedSearchStore {
  createSavedSearch(input: NewSavedSearch): Promise<SavedSearch>;
  savedSearches(projectId: string): Promise<SavedSearch[]>;
  getSavedSearch(projectId: string, id: number): Promise<SavedSearch | undefined>;
  setSchedule(projectId: string, id: number, schedule: Schedule, nextRunAt: string | null): Promise<SavedSearch>;
  /**
   * Claims the search for one run and records the run as 'running', atomically: undefined when another run holds it
   * (one that started after `staleBefore`). A claim older than `staleBefore` is a run that died (its process stopped):
   * that run is marked failed and the new run takes over.
   */
  startRun(input: { projectId: string; savedSearchId: number; trigger: SearchRun['trigger']; runBy: number | null; startedAt: string; staleBefore: string }): Promise<SearchRun | undefined>;
  /** Records how the run ended and releases the claim. */
  finishRun(runId: number, outcome: RunOutcome): Promise<SearchRun>;
  runs(projectId: string, savedSearchId?: number): Promise<SearchRun[]>;
  /** Saved searches (of every project) whose scheduled run is due at `now` and that no live run holds. */
  dueSearches(now: string, staleBefore: string): Promise<SavedSearch[]>;
}
