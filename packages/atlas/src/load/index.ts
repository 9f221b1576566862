export * from './data-files.js';
export * from './read-data.js';
export * from './yaml-file.js';
export * from './load-knowledge-base.js';
export * from './check-integrity.js';
