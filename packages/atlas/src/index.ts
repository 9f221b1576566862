export * from './load/index.js';
