/** One-step synthesis of extracted data with packages/meta, its exports, and the records it feeds back to the atlas. */
export * from './study-input.js';
export * from './measure-choice.js';
export * from './analysis-table.js';
export * from './synthesise.js';
export * from './export.js';
export * from './atlas-records.js';
export * from './effect-scale.js';
