import { describe, expect, it } from 'vitest';
import { serveSecurity } from '../src/commands/serve-security.js';

// Option parsing only: no storage, so no PostgreSQL half (issue 16.4).
describe('exoatlas serve security options (issue 17, findings 5, 6 and 8)', () => {
  it('reads --allowed-origin, --trust-proxy and --meta-rate-limit, then the environment', () => {
    expect(serveSecurity({}, {})).toEqual({ allowedOrigins: [], trustProxy: false, metaRateLimit: { max: 30, timeWindowMs: 60_000 } });
    expect(serveSecurity({ 'allowed-origin': ['https://a.example', 'https://b.example:8443/'], 'trust-proxy': true, 'meta-rate-limit': '0' }, {})).toEqual({
      allowedOrigins: ['https://a.example', 'https://b.example:8443'],
      trustProxy: true,
      metaRateLimit: false,
    });
    expect(serveSecurity({}, { EXOATLAS_ALLOWED_ORIGINS: 'https://a.example, http://localhost:5173', TRUST_PROXY: '1', EXOATLAS_META_RATE_LIMIT: '5' })).toEqual({
      allowedOrigins: ['https://a.example', 'http://localhost:5173'],
      trustProxy: 1,
      metaRateLimit: { max: 5, timeWindowMs: 60_000 },
    });
    expect(serveSecurity({}, { TRUST_PROXY: '10.0.0.0/8' }).trustProxy).toBe('10.0.0.0/8');
  });

  it('refuses an origin with a path or another scheme, and a rate that is not a number', () => {
    expect(() => serveSecurity({ 'allowed-origin': ['https://a.example/app'] }, {})).toThrow(/--allowed-origin must be an origin/);
    expect(() => serveSecurity({ 'allowed-origin': ['ftp://a.example'] }, {})).toThrow(/--allowed-origin/);
    expect(() => serveSecurity({ 'meta-rate-limit': 'lots' }, {})).toThrow(/--meta-rate-limit/);
  });
});
