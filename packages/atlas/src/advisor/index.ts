export * from './needs.js';
export * from './reason.js';
export * from './equipment.js';
export * from './method-evidence.js';
export * from './combinations.js';
export * from './advise.js';
