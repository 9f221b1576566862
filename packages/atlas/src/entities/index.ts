export * from './claim-entities.js';
export * from './entity-links.js';
export * from './did-you-mean.js';
export * from './list-entities.js';
export * from './entity-page.js';
