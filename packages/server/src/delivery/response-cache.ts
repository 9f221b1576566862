import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { negotiateCoding, noneMatch, type Coding } from './encoding.js';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Bodies below this many bytes are sent as they are: compressing them saves less than the headers cost. */
export const COMPRESS_THRESHOLD = 1024;

/** What a cached route builds: a JSON-able value, or a text body with its content type. */
export type Built = { json: unknown } | { text: string; type: string };

interface Entry {
  version: string;
  type: string;
  bodies: Partial<Record<Coding, Buffer>>;
  tags: Record<Coding, string>;
  bytes: number;
}

export interface ResponseCacheOptions {
  /** The data version (AtlasStore.version): an entry built under another version is rebuilt, never served. */
  version: () => Promise<string>;
  /** The most bytes (every coding) the cache keeps; the least recently used entries go first. Default 64 MiB. */
  maxBytes?: number;
}

/**
 * Encoded answers of the atlas's read routes (issue 23 "lists from cache", issue 20 "delivery"), kept per route,
 * normalised query and data version: the JSON text once, its Brotli and gzip copies made once, a strong ETag per
 * coding. A hit costs a version read, a map look-up and a write of bytes already made; a conditional request whose
 * tag matches gets a 304. The version comes from the database at each request, so a study published by this or any
 * other process sharing the database is served at once.
 */
export class ResponseCache {
  /** Per key: the version an entry is (being) built under and its promise, in least-recently-used-first order. */
  private readonly entries = new Map<string, { version: string; entry: Promise<Entry>; bytes: number }>();
  private bytes = 0;
  private readonly maxBytes: number;
  /** The version read in flight, and the one queued to start when it ends (see readVersion). */
  private reading: Promise<string> | undefined;
  private queued: Promise<string> | undefined;

  constructor(private readonly options: ResponseCacheOptions) {
    this.maxBytes = options.maxBytes ?? 64 * 2 ** 20;
  }

  /**
   * Sends the answer for `route` and `query` (the parsed query: equal values, however spelt, share an entry), building
   * it with `build` on a miss. Register the route with `compress: false`: the bytes sent are already encoded.
   */
  async send(request: FastifyRequest, reply: FastifyReply, route: string, query: unknown, build: () => Promise<Built>): Promise<FastifyReply> {
    const version = await this.readVersion();
    const key = `${route}\u0000${canonicalJson(query)}`;
    let slot = this.entries.get(key);
    // Most recently used last (a Map keeps insertion order); one build per key and version however many requests
    // arrive meanwhile, since the check and the new slot happen with no await between them.
    this.entries.delete(key);
    if (slot?.version !== version) {
      if (slot) this.bytes -= slot.bytes;
      slot = { version, entry: makeEntry(version, build), bytes: 0 };
      this.settle(key, slot);
    }
    this.entries.set(key, slot);
    const entry = await slot.entry;
    const wanted = negotiateCoding(request.headers['accept-encoding']);
    const coding = entry.bodies[wanted] ? wanted : 'identity';
    reply.header('vary', 'Accept-Encoding').header('cache-control', 'no-cache').header('etag', entry.tags[coding]);
    if (noneMatch(request.headers['if-none-match'], Object.values(entry.tags))) return reply.code(304).send();
    if (coding !== 'identity') reply.header('content-encoding', coding);
    return reply.type(entry.type).send(entry.bodies[coding]);
  }

  /**
   * The database's version, one read at a time shared by the requests that wait for it (PostgreSQL: one round trip for
   * many requests). A request never takes a read that started before it arrived — that read may predate a publication
   * the client has just seen succeed — so it waits for the next one.
   */
  private readVersion(): Promise<string> {
    if (!this.reading) {
      const read = this.options.version();
      this.reading = read;
      const clear = (): void => {
        if (this.reading === read) this.reading = undefined;
      };
      read.then(clear, clear);
      return read;
    }
    this.queued ??= this.reading.then(
      () => this.startQueued(),
      () => this.startQueued(),
    );
    return this.queued;
  }

  private startQueued(): Promise<string> {
    this.queued = undefined;
    this.reading = undefined;
    return this.readVersion();
  }

  /** The number of entries and their bytes (for tests and diagnostics). */
  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  /** Counts a built entry's bytes and evicts to fit; forgets a failed build (its request gets the error). */
  private settle(key: string, slot: { entry: Promise<Entry>; bytes: number }): void {
    slot.entry.then(
      (entry) => {
        if (this.entries.get(key) !== slot) return;
        slot.bytes = entry.bytes;
        this.bytes += entry.bytes;
        this.evict(key);
      },
      () => {
        if (this.entries.get(key) === slot) this.entries.delete(key);
      },
    );
  }

  /** Drops the least recently used entries until the cache fits (never the one just made). */
  private evict(keep: string): void {
    for (const [key, slot] of this.entries) {
      if (this.bytes <= this.maxBytes) return;
      if (key === keep) continue;
      this.entries.delete(key);
      this.bytes -= slot.bytes;
    }
  }
}

async function makeEntry(version: string, build: () => Promise<Built>): Promise<Entry> {
  const built = await build();
  const raw = Buffer.from('json' in built ? JSON.stringify(built.json) : built.text, 'utf8');
  const type = 'json' in built ? 'application/json; charset=utf-8' : built.type;
  const hash = createHash('sha256').update(raw).digest('base64url').slice(0, 27);
  const tags: Record<Coding, string> = { identity: `"${hash}"`, br: `"${hash}-br"`, gzip: `"${hash}-gz"` };
  if (raw.length < COMPRESS_THRESHOLD) return { version, type, bodies: { identity: raw }, tags, bytes: raw.length };
  // Made once per version, in libuv's thread pool: Brotli at a high quality costs milliseconds here, not per request.
  const [br, gz] = await Promise.all([brotli(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }), gzipped(raw, { level: 9 })]);
  return { version, type, bodies: { identity: raw, br, gzip: gz }, tags, bytes: raw.length + br.length + gz.length };
}

/** JSON with object keys sorted, so that one query written in any parameter order is one cache key. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v)) ?? '';
}
