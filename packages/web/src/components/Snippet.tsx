const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'", '&apos;': "'" };

/** Undoes the server's HTML escaping of a snippet's text. */
export function unescapeHtml(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39|#x27|apos);/g, (m) => ENTITIES[m] ?? m);
}

/** Splits an escaped snippet with <mark> tags into text and highlighted parts. */
export function parseSnippet(snippet: string): { text: string; isMark: boolean }[] {
  const parts: { text: string; isMark: boolean }[] = [];
  let isMark = false;
  for (const piece of snippet.split(/(<\/?mark>)/)) {
    if (piece === '<mark>') isMark = true;
    else if (piece === '</mark>') isMark = false;
    else if (piece) parts.push({ text: unescapeHtml(piece), isMark });
  }
  return parts;
}

/** A search snippet with its matches highlighted, rendered as React text (never as raw HTML). */
export function Snippet({ snippet }: { snippet: string }) {
  return (
    <span className="snippet">
      {parseSnippet(snippet).map((p, i) => (p.isMark ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </span>
  );
}
