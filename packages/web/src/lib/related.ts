import type { LinkedStudy } from '../api/types';

export interface RelatedStudy {
  study: LinkedStudy;
  score: number;
  reasons: string[];
}

/** Studies sharing a condition, references, molecules or a disease area with `study`, best first. */
export function relatedStudies(study: LinkedStudy, all: readonly LinkedStudy[], limit = 6): RelatedStudy[] {
  const refs = new Set(study.referenceNumbers);
  const ents = new Set(study.linkedEntities);
  const out: RelatedStudy[] = [];
  for (const other of all) {
    if (other.id === study.id) continue;
    const reasons: string[] = [];
    let score = 0;
    if (other.condition.toLowerCase() === study.condition.toLowerCase()) {
      score += 4;
      reasons.push('same condition');
    }
    const sharedRefs = other.referenceNumbers.filter((n) => refs.has(n));
    if (sharedRefs.length) {
      score += 3;
      reasons.push(`cites [${sharedRefs.join(', ')}] too`);
    }
    const sharedEnts = other.linkedEntities.filter((e) => ents.has(e));
    if (sharedEnts.length) {
      score += Math.min(3, sharedEnts.length);
      reasons.push(`${sharedEnts.length} shared ${sharedEnts.length === 1 ? 'molecule or cell' : 'molecules or cells'}`);
    }
    if (other.diseaseArea === study.diseaseArea) {
      score += 1;
      if (reasons.length === 0) reasons.push('same disease area');
    }
    if (score > 0) out.push({ study: other, score, reasons });
  }
  return out.sort((a, b) => b.score - a.score || a.study.title.localeCompare(b.study.title)).slice(0, limit);
}
