/** Pure helpers of the audit-log page: one entry as readable text, its record's link, and the paging arithmetic. */
import type { AuditEntry, Stage } from '../../api/review';

/** Rows per page of the audit log (the API's page size is at most 500). */
export const AUDIT_PAGE_SIZE = 100;

const ACTION_LABELS: Record<string, string> = {
  decision: 'Decision',
  resolution: 'Resolution',
  'record.retrieval': 'Full-text retrieval',
  'project.create': 'Project created',
  'project.update': 'Project changed',
  'member.set': 'Member or role',
  'search.import': 'Search imported',
  extraction: 'Extraction form',
  'extraction-consensus': 'Consensus extraction form',
  rob: 'Risk-of-bias form',
  'rob-consensus': 'Consensus risk-of-bias form',
  misev: 'MISEV checklist',
  'misev-consensus': 'Consensus MISEV checklist',
  'publish-synthesis': 'Synthesis published',
  'screening.stop': 'Screening stopped',
  'screening.resume': 'Screening resumed',
};

/** "decision" → "Decision"; unknown actions as they are. */
export const actionLabel = (action: string): string => ACTION_LABELS[action] ?? action;

/** What one audit entry changed, as text: the state before, the state after, and the reason or note given. */
export interface AuditChange {
  before: string;
  after: string;
  notes: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const METHOD: Record<string, string> = { 'third-reviewer': 'third reviewer', discussion: 'discussion' };

/** Reason and note of a decision or resolution: "Wrong outcome · note: checked again". */
function notesOf(o: unknown): string {
  if (!isObj(o)) return '';
  const parts = [str(o.reason), str(o.note) ? `note: ${String(o.note)}` : undefined].filter((x): x is string => x !== undefined);
  return parts.join(' · ');
}

/** Short JSON for values no rule knows, cut at 120 characters. */
function compact(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string') return value;
  const s = JSON.stringify(value);
  return s.length > 120 ? `${s.slice(0, 119)}…` : s;
}

/** The names of the fields that differ between two objects, one level into nested objects ("criteria.population"). */
export function changedFields(before: unknown, after: unknown): string[] {
  if (!isObj(before) || !isObj(after)) return [];
  const out: string[] = [];
  for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])]) {
    const [b, a] = [before[key], after[key]];
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    const inner = isObj(b) || isObj(a) ? changedFields(isObj(b) ? b : {}, isObj(a) ? a : {}) : [];
    if (inner.length > 0) out.push(...inner.map((k) => `${key}.${k}`));
    else out.push(key);
  }
  return out;
}

/** One state of a decision or resolution: "include", "exclude (version 2)", "include (third reviewer)". */
function decisionState(o: unknown, withMethod: boolean): string {
  if (typeof o === 'string') return o; // e.g. hidden while blinded
  if (!isObj(o)) return '–';
  const extras = [withMethod && typeof o.method === 'string' ? (METHOD[o.method] ?? o.method) : undefined, typeof o.version === 'number' ? `version ${o.version}` : undefined].filter(Boolean);
  return `${typeof o.decision === 'string' ? o.decision : '?'}${extras.length > 0 ? ` (${extras.join(', ')})` : ''}`;
}

/** Before, after and notes of an audit entry, worded per action; `userName` names the user ids of member changes. */
export function describeChange(entry: Pick<AuditEntry, 'action' | 'before' | 'after'>, userName: (id: number) => string | undefined = () => undefined): AuditChange {
  const { action, before, after } = entry;
  switch (action) {
    case 'decision':
      return { before: before === null || before === undefined ? '–' : decisionState(before, false), after: decisionState(after, false), notes: notesOf(after) };
    case 'resolution':
      return { before: '–', after: decisionState(after, true), notes: notesOf(after) };
    case 'record.retrieval': {
      const state = (o: unknown): string => (isObj(o) ? (o.isNotRetrieved === true ? 'not retrieved' : 'retrieved') : '–');
      return { before: state(before), after: state(after), notes: '' };
    }
    case 'project.update': {
      const fields = changedFields(before, after);
      return { before: '–', after: fields.length > 0 ? `changed: ${fields.join(', ')}` : 'no change', notes: '' };
    }
    case 'project.create':
      return { before: '–', after: isObj(after) && typeof after.name === 'string' ? `created “${after.name}”` : 'created', notes: '' };
    case 'member.set': {
      const who = (id: unknown): string => (typeof id === 'number' ? ` (${userName(id) ?? `user ${id}`})` : '');
      const role = (o: unknown): string => (isObj(o) && typeof o.role === 'string' ? `${o.role}${who(o.userId)}` : '–');
      return { before: role(before), after: role(after), notes: '' };
    }
    case 'screening.stop': {
      if (!isObj(after)) return { before: '–', after: compact(after), notes: '' };
      const stopping = isObj(after.stopping) ? after.stopping : {};
      const recall = typeof stopping.estimatedRecall === 'number' ? `, estimated recall ${Math.round(stopping.estimatedRecall * 100)}%` : '';
      const at = typeof stopping.screened === 'number' ? ` after ${stopping.screened} screened (${String(stopping.included)} included, ${String(stopping.sinceLastInclude)} since the last include${recall})` : '';
      return { before: '–', after: `${String(after.records)} unscreened records excluded by automation tools${at}`, notes: str(after.note) ? `note: ${String(after.note)}` : '' };
    }
    case 'screening.resume':
      return { before: '–', after: isObj(after) ? `${String(after.restored)} records back in the screening queue` : compact(after), notes: '' };
    case 'search.import': {
      if (!isObj(after)) return { before: '–', after: compact(after), notes: '' };
      const n = (k: string): string => (typeof after[k] === 'number' ? String(after[k]) : '?');
      return { before: '–', after: `${str(after.database) ?? 'search'}: ${n('identified')} identified, ${n('added')} added, ${n('duplicates')} duplicates`, notes: str(after.fileName) ?? '' };
    }
    default: {
      const v = (o: unknown): string => (isObj(o) && Object.keys(o).length === 1 && typeof o.version === 'number' ? (o.version === 0 ? '–' : `version ${o.version}`) : compact(o));
      return { before: v(before), after: v(after), notes: '' };
    }
  }
}

/** The page that shows the entry's record: the screening view of it at the entry's stage, or its extraction form. */
export function recordHref(project: string, entry: Pick<AuditEntry, 'action' | 'recordId' | 'stage'>): string | undefined {
  if (entry.recordId === undefined) return undefined;
  const base = `/reviews/${encodeURIComponent(project)}`;
  if (entry.stage) return `${base}/screen?stage=${entry.stage}&record=${entry.recordId}`;
  const form = entry.action.replace(/-consensus$/, '');
  if (form === 'extraction' || form === 'rob' || form === 'misev') return `${base}/extraction?record=${entry.recordId}&form=${form}`;
  return undefined;
}

/** The page of a paged list: which rows it shows (1-based, inclusive), which page of how many, and its neighbours. */
export interface PageInfo {
  page: number;
  pages: number;
  first: number;
  last: number;
  offset: number;
  previous?: number;
  next?: number;
}

/** Page `page` (1-based; clamped to the pages there are) of `total` rows, `size` a page. */
export function pageInfo(total: number, page: number, size = AUDIT_PAGE_SIZE): PageInfo {
  const pages = Math.max(1, Math.ceil(total / size));
  const p = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const offset = (p - 1) * size;
  return {
    page: p,
    pages,
    first: total === 0 ? 0 : offset + 1,
    last: Math.min(total, offset + size),
    offset,
    ...(p > 1 ? { previous: p - 1 } : {}),
    ...(p < pages ? { next: p + 1 } : {}),
  };
}

/** The page's filters from its query string: ?user=alice&stage=full-text&page=2 (unknown values ignored). */
export function auditQuery(query: URLSearchParams): { user?: string; stage?: Stage; page: number } {
  const user = query.get('user')?.trim() || undefined;
  const s = query.get('stage');
  const stage = s === 'title-abstract' || s === 'full-text' ? s : undefined;
  const raw = query.get('page');
  const page = raw && /^\d+$/.test(raw) ? Math.max(1, Number(raw)) : 1;
  return { ...(user ? { user } : {}), ...(stage ? { stage } : {}), page };
}
