import type { FastifyRequest } from 'fastify';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Methods that change something: only these are checked for origin, media type and session. */
export function isUnsafe(request: FastifyRequest): boolean {
  return UNSAFE.has(request.method);
}

/** "POST /api/reviews/:project": the route a request matched (undefined for an unknown route). */
export function routeKey(request: FastifyRequest): string | undefined {
  const url = request.routeOptions.url;
  return url === undefined ? undefined : `${request.method} ${url}`;
}
