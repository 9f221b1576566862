/** How the extraction and appraisal pages name each form of a study. */
import type { FormKind } from '../../api/review';

export const KIND_LABELS: Record<FormKind, string> = { extraction: 'Data extraction', rob: 'Risk of bias (SYRCLE)', misev: 'MISEV reporting checklist' };
// said wherever the MISEV score shows, so that nobody reads it as EV-TRACK's metric
export const MISEV_NOTICE = "ExoAtlas's own checklist score, not EV-TRACK's EV-METRIC";
