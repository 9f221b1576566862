import { describe, expect, it } from 'vitest';
import { markSnippet, toFtsQuery } from '../src/index.js';

describe('search query syntax', () => {
  it('quotes words so FTS5 operators are inert, and prefixes the last word', () => {
    expect(toFtsQuery('miR-135b')).toBe('"miR-135b"*');
    expect(toFtsQuery('PI3K/Akt OR NOT (x')).toBe('"PI3K/Akt" "OR" "NOT" "x"*');
  });
  it('escapes HTML in snippets before marking matches', () => {
    expect(markSnippet('a <b> \u0002c\u0003 & d')).toBe('a &lt;b&gt; <mark>c</mark> &amp; d');
  });
});
