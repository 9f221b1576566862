const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
const UNSAFE = ['post', 'put', 'patch', 'delete'];
const ANONYMOUS = new Set(['post /api/reviews/auth/login', 'post /api/reviews/auth/logout', 'post /api/meta']);

/**
 * Adds the answers of the security layer to every write of the OpenAPI document, so clients see them documented:
 * 401 (no session), 403 (cross-origin), 413, 415, and 429 on the rate-limited routes. Existing entries win.
 */
export function withSecurityResponses<T extends Record<string, unknown>>(doc: T): T {
  const paths = (doc.paths ?? {}) as Record<string, Record<string, { responses?: Record<string, unknown> }>>;
  for (const [path, operations] of Object.entries(paths)) {
    for (const method of UNSAFE) {
      const op = operations[method];
      if (!op) continue;
      const added: Record<string, unknown> = {
        403: error('A cookie-authenticated write from another origin (EXO_ERR_HTTP_CROSS_ORIGIN), or a role that may not'),
        413: error('The body is too large (EXO_ERR_HTTP_BODY_TOO_LARGE)'),
        415: error('The body is not application/json nor an upload type of this route (EXO_ERR_HTTP_UNSUPPORTED_MEDIA_TYPE)'),
      };
      if (!ANONYMOUS.has(`${method} ${path}`)) added[401] = error('No valid session (EXO_ERR_AUTH_REQUIRED)');
      if (`${method} ${path}` === 'post /api/meta') added[429] = error('Rate limited per client address (EXO_ERR_HTTP_RATE_LIMITED); see Retry-After');
      op.responses = { ...added, ...op.responses };
    }
  }
  return doc;
}
