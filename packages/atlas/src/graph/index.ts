export * from './claim-areas.js';
export * from './claim-filters.js';
export * from './mechanism-graph.js';
export * from './neighbourhood.js';
export * from './paths.js';
export * from './dot.js';
export * from './cytoscape.js';
export * from './graph-query.js';
