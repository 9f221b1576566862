import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { ExoError } from '@exoatlas/schema';

/** A parsed YAML file that can tell the line of any path inside it. */
export interface YamlFile {
  readonly path: string;
  readonly value: unknown;
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

/** Parses YAML text; a syntax error becomes EXO_ERR_DATA_PARSE with the file and line. */
export function parseYamlFile(path: string, text: string): YamlFile {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const line = lineCounter.linePos(first.pos[0]).line;
    throw new ExoError('EXO_ERR_DATA_PARSE', `${path}:${line}: ${first.message.split('\n')[0]}`, { file: path, line });
  }
  return {
    path,
    value: doc.toJS({ maxAliasCount: 100 }),
    lineOf(keys) {
      for (let n = keys.length; n >= 0; n--) {
        const node = n === 0 ? doc.contents : doc.getIn(keys.slice(0, n) as unknown[], true);
        if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
      }
      return undefined;
    },
  };
}
