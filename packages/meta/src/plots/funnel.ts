import type { MetaResult } from '../results.js';
export interface FunnelOptions { title?: string }
export function funnelPlot(_r: MetaResult, _o: FunnelOptions = {}): string { return '<svg/>'; }
