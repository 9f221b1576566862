import { expect } from 'vitest';
import { testApp } from '../../../test/helpers/app.js';

type AppOptions = NonNullable<Parameters<typeof testApp>[0]>;

export interface Res {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  headers: Record<string, unknown>;
}

/** A fresh app with an empty review database, and a `call` that injects one request (optionally from another address). */
export async function accountsApp(options: AppOptions = {}) {
  const ctx = await testApp(options);
  const call = async (method: 'GET' | 'POST' | 'DELETE', url: string, options: { token?: string; body?: unknown; address?: string } = {}): Promise<Res> => {
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const res = await ctx.app.inject({ method, url, headers, remoteAddress: options.address ?? '127.0.0.1', ...(options.body !== undefined ? { payload: options.body as object } : {}) });
    const type = String(res.headers['content-type'] ?? '');
    return { status: res.statusCode, body: type.includes('json') ? res.json() : res.body, headers: res.headers };
  };
  const login = async (username: string, password = `${username}-password`, address?: string): Promise<string> => {
    const res = await call('POST', '/api/reviews/auth/login', { body: { username, password }, address });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.token as string;
  };
  /** The first account (an admin) and others it creates, each with the tests' `<name>-password`; returns their tokens. */
  const users = async (admin: string, ...names: string[]): Promise<Record<string, string>> => {
    expect((await call('POST', '/api/reviews/users', { body: { username: admin, password: `${admin}-password` } })).status).toBe(201);
    const tokens: Record<string, string> = { [admin]: await login(admin) };
    for (const name of names) {
      const res = await call('POST', '/api/reviews/users', { token: tokens[admin], body: { username: name, password: `${name}-password` } });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      tokens[name] = await login(name);
    }
    return tokens;
  };
  return { ...ctx, call, login, users };
}
