/** What synthesis reads for each included study: its label, its (consensus) extraction form and its appraisals. */
import type { ExtractionForm } from '../extraction/form-schema.js';
import type { RobJudgement, SyrcleItemId } from '../appraisal/syrcle.js';

export interface SynthesisStudy {
  /** stable id of the study within the project (the screened record's id) */
  studyId: string;
  /** short label, e.g. "Zhang 2015" */
  label: string;
  year?: number;
  form: ExtractionForm;
  /** the consensus SYRCLE judgements, where assessed */
  rob?: Partial<Record<SyrcleItemId, RobJudgement>>;
  /** ExoAtlas MISEV checklist score (0–1), where appraised */
  misevScore?: number | null;
}
