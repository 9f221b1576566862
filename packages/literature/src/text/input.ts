/** What the readers accept: the whole text, the whole file's bytes, or a stream of byte chunks (a file read in pieces). */
export type CitationInput = string | Uint8Array | AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

/** Any input as a stream of chunks (strings pass through as one chunk). */
export async function* chunksOf(input: CitationInput): AsyncGenerator<Uint8Array | string> {
  if (typeof input === 'string' || input instanceof Uint8Array) {
    yield input;
    return;
  }
  if (Symbol.asyncIterator in input) {
    for await (const chunk of input as AsyncIterable<Uint8Array>) yield chunk;
    return;
  }
  for (const chunk of input as Iterable<Uint8Array>) yield chunk;
}

/** The base name of a path, for record ids and messages. */
export function baseName(fileName: string): string {
  const parts = fileName.split(/[\\/]/);
  return parts[parts.length - 1] || fileName;
}
