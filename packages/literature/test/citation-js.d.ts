// citation-js ships no types; the tests and the benchmark use only these entry points.
declare module '@citation-js/core';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-bibtex/lib/input/value.js' {
  export function parse(text: string, field: string): unknown;
}
