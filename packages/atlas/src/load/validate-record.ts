import type { z } from 'zod';
import { ExoError } from '@exoatlas/schema';
import type { YamlFile } from './yaml-file.js';

/** Validates one record against its schema; the first problem becomes EXO_ERR_DATA_INVALID with file, line and field. */
export function validateRecord<T>(schema: z.ZodType<T>, value: unknown, file: YamlFile, basePath: readonly PropertyKey[]): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = [...basePath, ...issue.path];
  const line = file.lineOf(path);
  const field = issue.path.map(String).join('.') || '(record)';
  const id = typeof value === 'object' && value && 'id' in value ? String((value as { id: unknown }).id) : undefined;
  throw new ExoError(
    'EXO_ERR_DATA_INVALID',
    `${file.path}${line ? `:${line}` : ''}: ${id ? `record '${id}', ` : ''}field '${field}': ${issue.message}`,
    { file: file.path, line, field, id },
  );
}
