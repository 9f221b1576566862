import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('issue 22: @exoatlas/core is the lowest package', () => {
  it('imports nothing but its own files (no Node built-ins, no packages): meta, literature and the web bundle can all take it', () => {
    const src = join(import.meta.dirname, '..', 'src');
    const outside: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else for (const m of readFileSync(path, 'utf8').matchAll(/from '([^']+)'/g)) if (!m[1]!.startsWith('.')) outside.push(`${entry.name}: ${m[1]}`);
      }
    };
    walk(src);
    expect(outside).toEqual([]);
    const pkg = JSON.parse(readFileSync(join(src, '..', 'package.json'), 'utf8')) as { dependencies?: object };
    expect(pkg.dependencies ?? {}).toEqual({});
  });
});
