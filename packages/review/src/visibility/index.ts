export { readerOf, type Reader, type Work } from './policy.js';
export { isBlinded, visibleDecisions, visibleSequence } from './screening.js';
export { areFormsBlinded, isBlindedToAnyForm, visibleForms } from './forms.js';
export { visibleAudit, BLINDED_PLACEHOLDER } from './audit.js';
