import type { MetaResult } from './results.js';
export function formatSummary(r: MetaResult): string { return JSON.stringify(r.k); }
