import { highlightSegments, type HighlightTerms } from '@exoatlas/review/highlight';

/** A text with the criteria's words marked (inclusion side and exclusion side apart); the plain text without terms. */
export function Highlighted({ text, terms }: { text: string; terms?: HighlightTerms }) {
  if (!terms) return <>{text}</>;
  return (
    <>
      {highlightSegments(text, terms).map((s, i) =>
        s.kind ? (
          <mark key={i} className={`hl hl-${s.kind}`}>
            {s.text}
          </mark>
        ) : (
          s.text
        ),
      )}
    </>
  );
}
