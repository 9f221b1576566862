import { EXIT, type CatalogueEntry } from './catalogue-entry.js';

/** Errors of the HTTP layer's own checks (origin, media type, sizes, rate) and of the storage underneath it. */
export const HTTP_ERRORS = {
  EXO_ERR_HTTP_CROSS_ORIGIN: { description: 'A write came from another site (its Origin or Sec-Fetch-Site is not this server nor an allowed origin)', status: 403, exit: EXIT.auth },
  EXO_ERR_HTTP_UNSUPPORTED_MEDIA_TYPE: { description: 'The request body has a content type this route does not take (JSON, or the upload types the route documents)', status: 415, exit: EXIT.usage },
  EXO_ERR_HTTP_BODY_TOO_LARGE: { description: 'The request body is larger than the server accepts', status: 413, exit: EXIT.usage },
  EXO_ERR_HTTP_URI_TOO_LONG: { description: 'A path segment of the URL is too long', status: 414, exit: EXIT.usage },
  EXO_ERR_HTTP_RATE_LIMITED: { description: 'Too many requests from this client; wait the Retry-After seconds and try again', status: 429, exit: EXIT.failure },
  EXO_ERR_STORE_FULL: { description: 'The database could not be written: its disk (or its size limit) is full; nothing was written', status: 507, exit: EXIT.storage },
  EXO_ERR_STORE_UNAVAILABLE: { description: 'The database could not be read or written (I/O error, read-only or locked); nothing was written', status: 503, exit: EXIT.storage },
} as const satisfies Record<string, CatalogueEntry>;
