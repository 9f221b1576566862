import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';

/**
 * The Content-Security-Policy of the app and the API. Scripts only from our own files (the Vite build has no inline
 * script). style-src also allows 'unsafe-inline' because the SVGs the app embeds inline (PRISMA, MISEV, from
 * packages/review) carry their own <style> element, and cytoscape (the mechanism graph) injects one; without it
 * Chromium blocks both (packages/web/test/browser/csp.test.ts). Styles cannot run code, so scripts stay strict.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
} as const;

/** Security headers on every answer: CSP, X-Frame-Options DENY, nosniff, Referrer-Policy no-referrer, and helmet's others. */
export async function installSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: { ...CONTENT_SECURITY_POLICY } },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}
