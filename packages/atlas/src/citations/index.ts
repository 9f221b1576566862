export * from './csl.js';
export * from './format-references.js';
