/** @exoatlas/core: what every package shares and no package should write again. No dependencies. */
export * from './csv/index.js';
export { EXIT, ExoError, catalogueEntry, defineErrors, type CatalogueEntry, type ErrorContext } from './errors.js';
export * from './svg/index.js';
