/** Damage done to a real fixture by the fuzz tests: cuts, flipped bytes, lines duplicated or deleted, huge fields. */
import { fc } from '../../../../test/helpers/fuzz.js';

export type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'truncate-line'; line: number }
  | { kind: 'flip'; at: number; byte: number }
  | { kind: 'duplicate-line'; line: number; times: number }
  | { kind: 'delete-line'; line: number }
  | { kind: 'swap-lines'; a: number; b: number }
  | { kind: 'huge-field'; at: number; length: number; char: string }
  | { kind: 'insert'; at: number; text: string };

const position = fc.nat({ max: 1_000_000 });
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({ kind: fc.constant('truncate-line' as const), line: position }),
  fc.record({ kind: fc.constant('flip' as const), at: position, byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('duplicate-line' as const), line: position, times: fc.integer({ min: 1, max: 50 }) }),
  fc.record({ kind: fc.constant('delete-line' as const), line: position }),
  fc.record({ kind: fc.constant('swap-lines' as const), a: position, b: position }),
  fc.record({ kind: fc.constant('huge-field' as const), at: position, length: fc.integer({ min: 10_000, max: 300_000 }), char: fc.constantFrom('a', ' ', '{', '"', '<', '&', '\\', ',', '\t', '-', 'é') }),
  fc.record({ kind: fc.constant('insert' as const), at: position, text: fc.string({ unit: 'binary', maxLength: 20 }) }),
);

const encoder = new TextEncoder();

export function lines(bytes: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 10) continue;
    out.push(bytes.subarray(start, i + 1));
    start = i + 1;
  }
  if (start < bytes.length) out.push(bytes.subarray(start));
  return out;
}

export function join(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  const ls = lines(bytes);
  if (bytes.length === 0) return bytes;
  switch (m.kind) {
    case 'truncate':
      return bytes.subarray(0, m.at % (bytes.length + 1));
    case 'truncate-line':
      return join(ls.slice(0, m.line % (ls.length + 1)));
    case 'flip': {
      const out = new Uint8Array(bytes);
      out[m.at % out.length] = m.byte;
      return out;
    }
    case 'duplicate-line': {
      const i = m.line % ls.length;
      return join([...ls.slice(0, i + 1), ...Array.from({ length: m.times }, () => ls[i]!), ...ls.slice(i + 1)]);
    }
    case 'delete-line': {
      const i = m.line % ls.length;
      return join([...ls.slice(0, i), ...ls.slice(i + 1)]);
    }
    case 'swap-lines': {
      const a = m.a % ls.length;
      const b = m.b % ls.length;
      const out = ls.slice();
      [out[a], out[b]] = [out[b]!, out[a]!];
      return join(out);
    }
    case 'huge-field': {
      const at = m.at % (bytes.length + 1);
      return join([bytes.subarray(0, at), encoder.encode(m.char.repeat(m.length)), bytes.subarray(at)]);
    }
    case 'insert': {
      const at = m.at % (bytes.length + 1);
      return join([bytes.subarray(0, at), encoder.encode(m.text), bytes.subarray(at)]);
    }
  }
}

