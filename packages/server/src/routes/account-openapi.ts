import { err, int, json, obj, ref, requestBody, secured, str } from './openapi-builders.js';

// The OpenAPI description of the account routes (account-routes.ts), merged into REVIEW_OPENAPI_PATHS.

const userParam = { name: 'username', in: 'path', required: true, schema: str, description: 'User name' };
const projectParam = { name: 'project', in: 'path', required: true, schema: str, description: 'Project id (kebab-case)' };
const unauthorized = err('Not signed in (EXO_ERR_AUTH_REQUIRED)');
const notAdmin = err('Only admins manage accounts (EXO_ERR_AUTH_FORBIDDEN)');
const noUser = err('No such user (EXO_ERR_REVIEW_NOT_FOUND_USER)');
const tooMany = { ...err('Too many failed sign-ins for the account or from the address (EXO_ERR_AUTH_TOO_MANY_ATTEMPTS); context.retryAfter repeats the header'), headers: { 'Retry-After': { description: 'Seconds until the lock ends', schema: int } } };
const password = { type: 'string', minLength: 10, description: 'At least 10 characters and at most 1,024 UTF-8 bytes; not only white space, not the user name, not a common password' };
const AccountUser = obj({ id: int, username: str, displayName: str, isAdmin: { type: 'boolean' }, isDisabled: { type: 'boolean' }, createdAt: str, lockedUntil: { type: ['string', 'null'], description: 'End of a sign-in lock now in force' } }, ['id', 'username']);

export const ACCOUNT_OPENAPI_PATHS: Record<string, unknown> = {
  '/api/reviews/auth/login': {
    post: {
      summary: 'Sign in: sets the exoatlas_session cookie (HttpOnly, SameSite=Lax) and returns the token for Authorization: Bearer. Failed sign-ins are throttled per account and per address (default: 5 per account in 15 minutes, then a lock of 15 minutes that doubles with each further lock, up to a day)',
      operationId: 'reviewLogin',
      tags: ['reviews'],
      requestBody: requestBody(obj({ username: str, password: str }, ['username', 'password'])),
      responses: {
        200: json(obj({ user: ref('ReviewUser'), token: str, expiresAt: str })),
        401: err('Wrong user name or password (EXO_ERR_AUTH_INVALID_CREDENTIALS)'),
        403: err('The account is disabled (EXO_ERR_AUTH_ACCOUNT_DISABLED)'),
        429: tooMany,
      },
    },
  },
  '/api/reviews/auth/password': {
    post: {
      summary: 'Change your password: needs the current one (throttled like a sign-in); your other sessions end, this one stays',
      operationId: 'reviewChangePassword',
      tags: ['reviews'],
      ...secured,
      requestBody: requestBody(obj({ currentPassword: str, newPassword: password }, ['currentPassword', 'newPassword'])),
      responses: { 204: { description: 'Changed' }, 400: err('Weak new password (EXO_ERR_AUTH_WEAK_PASSWORD)'), 401: err('Not signed in, or the current password is wrong (EXO_ERR_AUTH_INVALID_CREDENTIALS)'), 429: tooMany },
    },
  },
  '/api/reviews/auth/sessions/revoke': {
    post: { summary: 'Sign out everywhere: ends every session of yours, this one included', operationId: 'reviewRevokeOwnSessions', tags: ['reviews'], ...secured, responses: { 200: json(obj({ ended: int })), 401: unauthorized } },
  },
  '/api/reviews/users/audit': {
    get: {
      summary: 'The account log (admins): creations, password changes, disable/enable, locks and unlocks, session revocations; newest first',
      operationId: 'reviewAccountAudit',
      tags: ['reviews'],
      ...secured,
      parameters: [{ name: 'user', in: 'query', schema: str, description: 'Only entries by or about this user' }, { name: 'limit', in: 'query', schema: int }, { name: 'offset', in: 'query', schema: int }],
      responses: { 200: json(obj({ total: int, items: { type: 'array', items: obj({ id: int, actorId: { type: ['integer', 'null'] }, actor: { type: ['string', 'null'] }, action: str, targetId: { type: ['integer', 'null'] }, target: { type: ['string', 'null'] }, details: { type: ['object', 'null'] }, at: str }) } })), 401: unauthorized, 403: notAdmin },
    },
  },
  '/api/reviews/users/{username}/disable': {
    post: { summary: 'Disable an account (admins, not your own): it cannot sign in and its sessions end', operationId: 'reviewDisableUser', tags: ['reviews'], ...secured, parameters: [userParam], responses: { 200: json(obj({ user: AccountUser })), 401: unauthorized, 403: notAdmin, 404: noUser } },
  },
  '/api/reviews/users/{username}/enable': {
    post: { summary: 'Enable a disabled account (admins)', operationId: 'reviewEnableUser', tags: ['reviews'], ...secured, parameters: [userParam], responses: { 200: json(obj({ user: AccountUser })), 401: unauthorized, 403: notAdmin, 404: noUser } },
  },
  '/api/reviews/users/{username}/unlock': {
    post: { summary: 'Lift the sign-in lock of an account (admins)', operationId: 'reviewUnlockUser', tags: ['reviews'], ...secured, parameters: [userParam], responses: { 204: { description: 'Unlocked' }, 401: unauthorized, 403: notAdmin, 404: noUser } },
  },
  '/api/reviews/users/{username}/sessions/revoke': {
    post: { summary: "End every session of a user (admins; or yourself)", operationId: 'reviewRevokeUserSessions', tags: ['reviews'], ...secured, parameters: [userParam], responses: { 200: json(obj({ ended: int })), 401: unauthorized, 403: notAdmin, 404: noUser } },
  },
  '/api/reviews/{project}/members/{username}': {
    delete: {
      summary: 'Remove a member (owners): their decisions stay, attributed to them; the audit log records the removal; the last owner cannot be removed',
      operationId: 'removeReviewMember',
      tags: ['reviews'],
      ...secured,
      parameters: [projectParam, userParam],
      responses: { 200: json(obj({ members: { type: 'array' } })), 401: unauthorized, 403: err('Not an owner (EXO_ERR_AUTH_FORBIDDEN)'), 404: err('No such project for you, or the user is not a member'), 409: err('The last owner (EXO_ERR_REVIEW_LAST_OWNER)') },
    },
  },
};

/** GET /api/reviews/users sits beside POST (sign-up) in review-openapi.ts. */
export const ACCOUNT_LIST_OPERATION = {
  summary: 'Every account, with whether it is disabled or locked (admins)',
  operationId: 'reviewListUsers',
  tags: ['reviews'],
  ...secured,
  responses: { 200: json(obj({ items: { type: 'array', items: AccountUser } })), 401: unauthorized, 403: notAdmin },
};
