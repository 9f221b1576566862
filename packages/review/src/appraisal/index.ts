/** Appraisal: SYRCLE risk of bias, ExoAtlas's MISEV2018-based reporting checklist, consensus, and their plots. */
export * from './syrcle.js';
export * from './misev.js';
export * from './consensus.js';
export { robTrafficLightSvg, type RobStudyRow, type RobPlotOptions } from './rob-traffic-light-svg.js';
export { robSummarySvg } from './rob-summary-svg.js';
export { robForestSvg, type RobForestOptions } from './rob-forest-svg.js';
export { misevSummarySvg, type MisevStudyRow } from './misev-summary-svg.js';
