// The worker entry when the server runs from TypeScript source (vitest, tsx): teach this thread to load .ts, then
// hand over to heavy-jobs.ts. The built CLI uses packages/cli/dist/heavy-jobs.js instead (see scripts/build.mjs).
import { register } from 'tsx/esm/api';

register();
const { default: runJob } = await import('./heavy-jobs.ts');
export default runJob;
