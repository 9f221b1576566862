/** The entry shape and exit codes are @exoatlas/core's, shared by every package's code list. */
export { EXIT, type CatalogueEntry } from '@exoatlas/core';
