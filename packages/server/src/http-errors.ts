import type { FastifyError, FastifyInstance } from 'fastify';
import { ExoError, toExoError } from '@exoatlas/schema';

/** Every error leaves the API as JSON `{error: {code, message, context}}` with the catalogue's status; never a stack. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let e: ExoError;
    if (error.validation || error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || (error.statusCode === 400 && !(error instanceof ExoError))) {
      e = new ExoError('EXO_ERR_HTTP_BAD_REQUEST', error.message);
    } else if (error.statusCode === 413) {
      e = new ExoError('EXO_ERR_HTTP_BAD_REQUEST', 'the request body is too large');
    } else {
      e = toExoError(error);
    }
    if (e.code === 'EXO_ERR_INTERNAL_UNEXPECTED') request.log.error({ err: error }, 'unexpected error');
    void reply.status(e.status).send({ error: e.toJSON() });
  });
}

/** The JSON body of an unknown /api route. */
export function notFoundRoute(method: string, url: string): { error: ReturnType<ExoError['toJSON']> } {
  return { error: new ExoError('EXO_ERR_NOT_FOUND_ROUTE', `no API route ${method} ${url.split('?')[0]}`).toJSON() };
}
