/**
 * JSON.stringify(value, null, 2) of an object, byte for byte, as a sequence of chunks (issue 23): a result with a
 * million studies is 130 MB of text, and written whole it is held twice (the string and its UTF-8 copy). Long
 * arrays are stringified a thousand elements at a time and re-indented; everything else in one call.
 */
const SLICE = 1000;

export function* jsonChunks(value: Record<string, unknown>): Generator<string> {
  const keys = Object.keys(value).filter((k) => {
    const v = value[k];
    return v !== undefined && typeof v !== 'function' && typeof v !== 'symbol';
  });
  if (keys.length === 0) {
    yield '{}';
    return;
  }
  yield '{\n';
  for (let n = 0; n < keys.length; n++) {
    const key = keys[n]!;
    const v = value[key];
    const prefix = `  ${JSON.stringify(key)}: `;
    if (Array.isArray(v) && v.length > SLICE) {
      yield `${prefix}[\n`;
      for (let s = 0; s < v.length; s += SLICE) {
        const part = JSON.stringify(v.slice(s, s + SLICE), null, 2); // "[\n  a,\n  b\n]"
        yield `  ${part.slice(2, -2).replace(/\n/g, '\n  ')}${s + SLICE < v.length ? ',\n' : '\n'}`;
      }
      yield '  ]';
    } else {
      yield prefix + JSON.stringify(v, null, 2).replace(/\n/g, '\n  ');
    }
    yield n < keys.length - 1 ? ',\n' : '\n';
  }
  yield '}';
}
