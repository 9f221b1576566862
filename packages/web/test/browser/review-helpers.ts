/** Steps the review browser tests share: the API as a signed-in user, signing in on the page, screening with the keyboard. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { open, type Atlas } from './harness.js';

export interface ReviewApi {
  /** Bearer tokens by user name, filled by login. */
  tokens: Record<string, string>;
  call: (method: string, path: string, body?: unknown, as?: string) => Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Signs in through the API with the tests' password convention (`<name>-password`). */
  login: (name: string) => Promise<void>;
}

export function reviewApi(atlas: () => Atlas): ReviewApi {
  const tokens: Record<string, string> = {};
  const call: ReviewApi['call'] = async (method, path, body, as) => {
    const res = await fetch(atlas().url + path, { method, headers: { 'content-type': 'application/json', ...(as ? { authorization: `Bearer ${tokens[as]}` } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, body: res.status === 204 ? null : await res.json() };
  };
  return {
    tokens,
    call,
    login: async (name) => {
      tokens[name] = (await call('POST', '/api/reviews/auth/login', { username: name, password: `${name}-password` })).body.token;
    },
  };
}

/** Signs in on the Reviews page. */
export async function signIn(page: Page, name: string): Promise<void> {
  await open(page, '/reviews');
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('User name').fill(name);
  await form.getByLabel('Password').fill(`${name}-password`);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText(`Signed in as`).waitFor();
}

/** A decision key: 'i' include, 'm' maybe, anything else an exclusion reason (chosen, then E). */
export type DecisionKey = 'i' | 'm' | (string & {});

/** Screens every record the page offers at a stage, deciding by title with the keyboard; returns the titles in the order seen. */
export async function screenAll(page: Page, project: string, stage: string, decide: (title: string) => DecisionKey | undefined): Promise<string[]> {
  await open(page, `/reviews/${project}/screen?stage=${stage}`);
  const seen: string[] = [];
  const title = page.locator('article.record-card .record-title');
  const done = page.getByRole('heading', { name: 'Nothing left for you to screen at this stage' });
  for (;;) {
    await expect.poll(async () => (await done.count()) + (await title.count())).toBeGreaterThan(0);
    if ((await done.count()) > 0) return seen;
    const t = (await title.allTextContents())[0]?.trim() ?? '';
    seen.push(t);
    const key = decide(t);
    expect(key, `no decision for "${t}"`).toBeDefined();
    if (key !== 'i' && key !== 'm') {
      await page.getByLabel('Reason for exclusion').selectOption(key!);
      await page.locator('main h1').click();
    }
    await page.keyboard.press(key === 'i' || key === 'm' ? key.toUpperCase() : 'E');
    await expect.poll(async () => (await done.count()) > 0 || (await title.allTextContents())[0]?.trim() !== t).toBe(true);
  }
}
