// Small builders for the OpenAPI descriptions of the review and extraction routes (docs only: the routes check
// their input themselves, with zod and the services).

export const json = (schema: unknown, description = 'OK') => ({ description, content: { 'application/json': { schema } } });
export const err = (description: string) => json({ $ref: '#/components/schemas/Error' }, description);
export const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: 'object', properties, ...(required.length ? { required } : {}) });
export const str = { type: 'string' };
export const int = { type: 'integer' };
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const requestBody = (schema: unknown) => ({ required: true, content: { 'application/json': { schema } } });
/** Routes that need a session: the cookie or a Bearer token. */
export const secured = { security: [{ session: [] }, { bearer: [] }] };
