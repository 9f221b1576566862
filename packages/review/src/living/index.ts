export * from './types.js';
export { SavedSearchService, type SavedSearchServiceOptions, type SavedSearchView, type SearchConnection } from './saved-search-service.js';
export { searchConnectionFromEnv } from './connection-env.js';
export { livingPrismaCounts, type LivingPrisma, type PrismaUpdate, type UpdateSearch } from './living-prisma.js';
export { prismaUpdateSvg } from './living-prisma-svg.js';
export { livingPrisma } from './living-prisma-service.js';
export { settledRecords, type SettledRecord } from './living-prisma-service.js';
export { evidenceByYear, evidenceOverTime, type YearCount } from './evidence-over-time.js';
