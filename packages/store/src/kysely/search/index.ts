import type { Dialect } from '../database.js';
import { PostgresSearchIndex } from './postgres-search-index.js';
import type { SearchIndex } from './search-index.js';
import { SqliteSearchIndex } from './sqlite-search-index.js';

export type { SearchIndex, CitationText, CitationMatch } from './search-index.js';

export const searchIndexFor = (dialect: Dialect): SearchIndex => (dialect === 'postgres' ? new PostgresSearchIndex() : new SqliteSearchIndex());
