export { SqliteReviewStore } from './sqlite-review-store.js';
