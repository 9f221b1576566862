import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ExoError, toExoError } from '@exoatlas/schema';

/** Fastify's own errors (routing, body parsing, validation) as catalogue errors. */
function fastifyError(error: FastifyError, request: FastifyRequest): ExoError | undefined {
  if (error instanceof ExoError) return undefined;
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return bodyTooLarge(request);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ExoError('EXO_ERR_HTTP_UNSUPPORTED_MEDIA_TYPE', 'the request body has a content type this route does not take; send application/json');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new ExoError('EXO_ERR_HTTP_URI_TOO_LONG', 'a path segment of the URL is too long');
    case 'FST_ERR_BAD_URL':
      return new ExoError('EXO_ERR_HTTP_BAD_REQUEST', 'the URL is not valid (a malformed %-escape?)');
  }
  if (error.validation || error.statusCode === 400 || error.code?.startsWith('FST_ERR_CTP_')) return new ExoError('EXO_ERR_HTTP_BAD_REQUEST', error.message);
  if (error.statusCode === 413) return bodyTooLarge(request);
  if (error.statusCode === 414) return new ExoError('EXO_ERR_HTTP_URI_TOO_LONG', 'the URL is too long');
  if (error.statusCode === 415) return new ExoError('EXO_ERR_HTTP_UNSUPPORTED_MEDIA_TYPE', error.message);
  return undefined;
}

/** The body limit of the route that refused the request, named in the message. */
function bodyTooLarge(request: FastifyRequest): ExoError {
  const limit = request.routeOptions.bodyLimit;
  const where = `${request.method} ${request.url.split('?')[0]}`;
  return new ExoError('EXO_ERR_HTTP_BODY_TOO_LARGE', limit ? `the request body is larger than ${limit} bytes, the limit of ${where}` : `the request body of ${where} is too large`, limit ? { limit } : {});
}

function sendError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const e = fastifyError(error, request) ?? toExoError(error);
  if (e.code === 'EXO_ERR_INTERNAL_UNEXPECTED') request.log.error({ err: error }, 'unexpected error');
  else if (e.code.startsWith('EXO_ERR_STORE_')) request.log.error({ err: error }, 'storage error');
  // A busy pool or database is temporary: say when to come back (seconds).
  if (e.status === 503) void reply.header('retry-after', String(typeof e.context.retryAfter === 'number' ? e.context.retryAfter : 1));
  void reply.status(e.status).type('application/json; charset=utf-8').send({ error: e.toJSON() });
}

/** Every error leaves the API as JSON `{error: {code, message, context}}` with the catalogue's status; never a stack. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(sendError);
}

/**
 * Fastify's `frameworkErrors`: the errors it raises while routing (a malformed URL, a path parameter over
 * maxParamLength) before any handler or hook, which would otherwise answer in Fastify's own shape.
 */
export const frameworkErrors = (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
  // No hook ran (helmet's included): the answer still carries the headers that matter for an error body.
  void reply.headers({ 'content-security-policy': "default-src 'none'; frame-ancestors 'none'", 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer' });
  sendError(error, request, reply);
};

/** The JSON body of an unknown /api route. */
export function notFoundRoute(method: string, url: string): { error: ReturnType<ExoError['toJSON']> } {
  return { error: new ExoError('EXO_ERR_NOT_FOUND_ROUTE', `no API route ${method} ${url.split('?')[0]}`).toJSON() };
}
