import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, countAttempt, DEFAULT_THROTTLE_LIMITS, lockedUntil, retryAfterSeconds, type ThrottleState } from '../src/index.js';

const refused = async (password: string, username = 'alice') => {
  try {
    await checkPasswordPolicy(password, username);
    return undefined;
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('issue 17 item 4: password policy', () => {
  it('refuses short, blank, over-long, common and user-name passwords with EXO_ERR_AUTH_WEAK_PASSWORD', async () => {
    for (const p of ['password', 'aaaaaaaa', ' '.repeat(8), ' '.repeat(12), '\t\n'.repeat(6), 'a'.repeat(1025), 'x'.repeat(1_000_000), '1234567890', 'QWERTYUIOP', 'iloveyou12', 'alice.smith']) {
      expect(await refused(p, 'alice.smith'), JSON.stringify(p.slice(0, 16))).toBe('EXO_ERR_AUTH_WEAK_PASSWORD');
    }
  });

  it('counts characters for the minimum and UTF-8 bytes for the maximum', async () => {
    expect(await refused('ü'.repeat(9))).toBeDefined();
    expect(await refused('üabcdefghi')).toBeUndefined();
    expect(await refused('€'.repeat(341))).toBeUndefined(); // 1,023 bytes
    expect(await refused('€'.repeat(342))).toBe('EXO_ERR_AUTH_WEAK_PASSWORD'); // 1,026 bytes
    expect(await refused('correct horse battery staple')).toBeUndefined();
  });
});

describe('issue 17 item 4: throttle arithmetic', () => {
  const limits = DEFAULT_THROTTLE_LIMITS;
  const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1) + minutes * 60_000).toISOString();

  it('locks at the 5th failure within 15 minutes, for 15 minutes, then twice as long each time', () => {
    let s: ThrottleState | undefined;
    for (let i = 1; i <= 4; i++) {
      s = countAttempt(s, 5, at(i), limits);
      expect(s.lockedUntil).toBeNull();
    }
    s = countAttempt(s, 5, at(5), limits);
    expect(s.lockedUntil).toBe(at(20));
    expect(lockedUntil(s, at(19))).toBe(at(20));
    expect(lockedUntil(s, at(20))).toBeUndefined();
    expect(retryAfterSeconds(s.lockedUntil!, at(19))).toBe(60);
    for (let i = 21; i <= 25; i++) s = countAttempt(s, 5, at(i), limits);
    expect(s.lockedUntil).toBe(at(25 + 30));
    expect(s.locks).toBe(2);
  });

  it('failures older than the window are forgotten; locks never exceed the maximum', () => {
    let s = countAttempt(undefined, 5, at(0), limits);
    for (let i = 1; i <= 3; i++) s = countAttempt(s, 5, at(i), limits);
    s = countAttempt(s, 5, at(16), limits);
    expect([s.failures, s.lockedUntil]).toEqual([1, null]);
    const capped = countAttempt({ failures: 4, windowStart: at(0), lockedUntil: null, locks: 20 }, 5, at(1), limits);
    expect(capped.lockedUntil).toBe(at(1 + 24 * 60));
  });
});
