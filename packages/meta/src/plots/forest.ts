import type { MetaResult } from '../results.js';
export interface ForestOptions { title?: string }
export function forestPlot(_r: MetaResult, _o: ForestOptions = {}): string { return '<svg/>'; }
