import type { AuditEntry, Decision, Stage } from '../types.js';
import type { Reader } from './policy.js';
import { isBlinded } from './screening.js';

export const BLINDED_PLACEHOLDER = '(hidden until both reviewers have decided)';

/**
 * The audit entries as this reader may see them: another member's decision on a record still blinded keeps its
 * place (who acted and when) but not its content; a stop's stopping guidance, computed from the whole team's
 * decisions, is withheld while any title/abstract decision is hidden from the reader. Form saves record only
 * version numbers, so they need nothing.
 */
export function visibleAudit(entries: readonly AuditEntry[], reader: Reader, decisions: Record<Stage, ReadonlyMap<number, readonly Decision[]>>): AuditEntry[] {
  if (reader.mode === 'single') return [...entries];
  const blinded = (stage: Stage, recordId: number) => !reader.supervises.has(stage) && isBlinded(decisions[stage].get(recordId) ?? [], reader.mode);
  const anyBlinded = [...decisions['title-abstract'].entries()].some(([recordId, ds]) => blinded('title-abstract', recordId) && ds.some((d) => d.reviewerId !== reader.userId));
  return entries.map((e) => {
    if (e.action === 'decision' && e.userId !== reader.userId && e.recordId !== undefined && e.stage !== undefined && blinded(e.stage, e.recordId)) return { ...e, before: BLINDED_PLACEHOLDER, after: BLINDED_PLACEHOLDER };
    if (e.action === 'screening.stop' && anyBlinded && e.after && typeof e.after === 'object' && 'stopping' in e.after) return { ...e, after: { ...e.after, stopping: BLINDED_PLACEHOLDER } };
    return e;
  });
}
