import type { FastifyInstance } from 'fastify';

/** A password the strength check accepts, for test accounts. */
export const TEST_PASSWORD = 'violet-harbour-lantern-93';

/** Signs in as `username` (creating the account: the first is the admin, later ones are created by `asAdmin`). */
export async function signIn(app: FastifyInstance, username: string, asAdmin?: string): Promise<string> {
  const created = await app.inject({ method: 'POST', url: '/api/reviews/users', headers: asAdmin ? { authorization: `Bearer ${asAdmin}` } : {}, payload: { username, password: TEST_PASSWORD } });
  if (created.statusCode !== 201) throw new Error(`cannot create ${username}: ${created.body}`);
  const login = await app.inject({ method: 'POST', url: '/api/reviews/auth/login', payload: { username, password: TEST_PASSWORD } });
  if (login.statusCode !== 200) throw new Error(`cannot sign in ${username}: ${login.body}`);
  return (login.json() as { token: string }).token;
}
