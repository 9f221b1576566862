/** Issue 22: one error catalogue assembled from each package's own list, one error class. */
import { ExoError as CoreExoError, catalogueEntry } from '@exoatlas/core';
import { LITERATURE_ERRORS, LiteratureError } from '@exoatlas/literature';
import { META_ERRORS, MetaError } from '@exoatlas/meta';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE, ExoError, toExoError } from '../src/index.js';

const packages = join(import.meta.dirname, '..', '..');

describe('issue 22: one error catalogue and one error class', () => {
  it('meta and literature declare their own codes; the catalogue holds each entry as declared', () => {
    for (const list of [META_ERRORS, LITERATURE_ERRORS]) {
      for (const [code, entry] of Object.entries(list)) expect(ERROR_CATALOGUE[code as keyof typeof ERROR_CATALOGUE]).toBe(entry);
    }
    expect(Object.keys(META_ERRORS).every((c) => c.startsWith('EXO_ERR_META_'))).toBe(true);
    expect(Object.keys(LITERATURE_ERRORS).every((c) => c.startsWith('EXO_ERR_LIT_'))).toBe(true);
  });

  it('MetaError, LiteratureError and the schema ExoError are one class: instanceof, status and exit code from the catalogue', () => {
    expect(MetaError).toBe(CoreExoError);
    expect(LiteratureError).toBe(CoreExoError);
    expect(ExoError).toBe(CoreExoError);
    const e = new MetaError('EXO_ERR_META_NO_CONVERGENCE', 'did not converge', { field: 'method' });
    expect(e).toBeInstanceOf(ExoError);
    expect([e.status, e.exitCode]).toEqual([422, 1]);
    expect(toExoError(e)).toBe(e);
    expect(new LiteratureError('EXO_ERR_LIT_UNKNOWN_FORMAT', 'x').status).toBe(415);
    expect(catalogueEntry('EXO_ERR_CLI_USAGE')).toBe(ERROR_CATALOGUE.EXO_ERR_CLI_USAGE);
  });

  it('every code named anywhere in the source of every package is in the catalogue', () => {
    const named = new Map<string, string>();
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.tsx?$/.test(entry.name)) for (const m of readFileSync(path, 'utf8').matchAll(/['"`](EXO_ERR_[A-Z0-9_]*[A-Z0-9])['"`]/g)) named.set(m[1]!, path);
      }
    };
    for (const pkg of readdirSync(packages)) {
      try {
        walk(join(packages, pkg, 'src'));
      } catch {
        // a package without src/
      }
    }
    expect(named.size).toBeGreaterThan(50);
    const unknown = [...named].filter(([code]) => !(code in ERROR_CATALOGUE));
    expect(unknown).toEqual([]);
  });
});
