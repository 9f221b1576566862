import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { ExoError } from '@exoatlas/schema/errors';

/** What a command may do to the outside world; tests pass their own. */
export interface CommandIO {
  stdout(s: string): void;
  /** stdout for long output: resolves once the chunk is handed on, so a pipe's queue stays bounded (else as stdout) */
  stdoutDrained?(s: string): Promise<void>;
  stderr(s: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
  readFile(path: string): Promise<string>;
  readBytes(path: string): Promise<Uint8Array>;
  openRead(path: string): AsyncIterable<Uint8Array>;
  writeFile(path: string, data: string): Promise<void>;
  /** A file written in pieces into a temporary file beside it, renamed over `path` by commit(): all or nothing. */
  openWrite?(path: string): Promise<FileSink>;
  isTTY: boolean;
}

export interface FileSink {
  write(data: string): Promise<void>;
  /** closes the temporary file and renames it to the destination */
  commit(): Promise<void>;
  /** closes and removes the temporary file; the destination is untouched */
  abort(): Promise<void>;
}

const fileError = (path: string, error: unknown, doing: string): ExoError =>
  new ExoError('EXO_ERR_CLI_FILE', `cannot ${doing} ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`, { file: path });

/** The real process's IO. */
export function processIO(): CommandIO {
  const cwd = process.cwd();
  return {
    stdout: (s) => process.stdout.write(s),
    stdoutDrained: (s) => (process.stdout.write(s) ? Promise.resolve() : once(process.stdout, 'drain').then(() => undefined)),
    stderr: (s) => process.stderr.write(s),
    cwd,
    env: process.env,
    async readFile(path) {
      try {
        return await readFile(resolve(cwd, path), 'utf8');
      } catch (error) {
        throw fileError(path, error, 'read');
      }
    },
    async readBytes(path) {
      try {
        return await readFile(resolve(cwd, path));
      } catch (error) {
        throw fileError(path, error, 'read');
      }
    },
    openRead(path) {
      return createReadStream(resolve(cwd, path));
    },
    async writeFile(path, data) {
      try {
        await writeFile(resolve(cwd, path), data);
      } catch (error) {
        throw fileError(path, error, 'write');
      }
    },
    async openWrite(path) {
      const dest = resolve(cwd, path);
      // beside the destination, so the final rename stays on one file system (atomic)
      const tmp = join(dirname(dest), `.${basename(dest)}.${process.pid}.${Date.now()}.tmp`);
      const handle = await open(tmp, 'wx').catch((error: unknown) => {
        throw fileError(path, error, 'write');
      });
      let closed = false;
      const close = async (): Promise<void> => {
        if (!closed) await handle.close();
        closed = true;
      };
      return {
        async write(data) {
          try {
            await handle.writeFile(data);
          } catch (error) {
            throw fileError(path, error, 'write');
          }
        },
        async commit() {
          try {
            await close();
            await rename(tmp, dest);
          } catch (error) {
            await rm(tmp, { force: true });
            throw fileError(path, error, 'write');
          }
        },
        async abort() {
          await close().catch(() => undefined);
          await rm(tmp, { force: true });
        },
      };
    },
    isTTY: Boolean(process.stdout.isTTY),
  };
}
