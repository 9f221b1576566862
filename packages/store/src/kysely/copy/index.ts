export { copyDatabase, type CopyOptions, type CopyResult } from './copy.js';
export { tableDigests, compareDigests, normalise, type TableDigest } from './checksum.js';
export { readSchema, inForeignKeyOrder, type Schema, type TableInfo } from './tables.js';
export { backupSqlite } from './backup.js';
