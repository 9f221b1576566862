import type { FastifyError, FastifyInstance } from 'fastify';
import { ExoError, toExoError } from '@exoatlas/schema';

/** Every error leaves the API as JSON `{error: {code, message, context}}` with the catalogue's status; never a stack. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let e: ExoError;
    if (error.validation || error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || (error.statusCode === 400 && !(error instanceof ExoError))) {
      e = new ExoError('EXO_ERR_HTTP_BAD_REQUEST', error.message);
    } else if (error.statusCode === 413 && !(error instanceof ExoError)) {
      e = new ExoError('EXO_ERR_HTTP_BODY_TOO_LARGE', `the request body is larger than ${request.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit} bytes, the limit of ${request.method} ${request.url.split('?')[0]}`, { limit: request.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit });
    } else {
      e = toExoError(error);
    }
    if (e.code === 'EXO_ERR_INTERNAL_UNEXPECTED') request.log.error({ err: error }, 'unexpected error');
    // A busy pool or database is temporary: say when to come back (seconds).
    if (e.status === 503) void reply.header('retry-after', String(typeof e.context.retryAfter === 'number' ? e.context.retryAfter : 1));
    void reply.status(e.status).send({ error: e.toJSON() });
  });
}

/** The JSON body of an unknown /api route. */
export function notFoundRoute(method: string, url: string): { error: ReturnType<ExoError['toJSON']> } {
  return { error: new ExoError('EXO_ERR_NOT_FOUND_ROUTE', `no API route ${method} ${url.split('?')[0]}`).toJSON() };
}
