export * from './dimensions.js';
export * from './head-to-head.js';
export * from './evidence-map.js';
