/** Data extraction: the form schemas, per-field validation and dual-extraction discrepancies. */
export * from './form-schema.js';
export * from './validate.js';
export * from './discrepancies.js';
export * from './extraction-store.js';
export { ExtractionService, validateForm, type FormsView, type StudyStatus, type SynthesisRunner } from './extraction-service.js';
export * from './form-fields.js';
export { studyLabels, baseStudyLabel } from './study-labels.js';
