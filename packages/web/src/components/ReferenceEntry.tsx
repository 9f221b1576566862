import type { Reference } from '../api/types';
import { closed, formatAuthors, formatSource, referenceLinks } from '../lib/references';
import { Link } from '../router/Link';

/** One reference, formatted in the Vancouver style the review uses, with links where an identifier is known. */
export function ReferenceEntry({ reference, isLinked = true }: { reference: Reference; isLinked?: boolean }) {
  const links = referenceLinks(reference);
  const authors = formatAuthors(reference);
  return (
    <div className="reference">
      <span className="reference-number">[{reference.reviewNumber}]</span>{' '}
      <span className="reference-body">
        {authors && <span className="reference-authors">{closed(authors)} </span>}
        {isLinked ? (
          <Link className="reference-title" to={`/references/${reference.reviewNumber}`}>
            {reference.title}
          </Link>
        ) : (
          <span className="reference-title">{reference.title}</span>
        )}
        {/[.?!]$/.test(reference.title.trim()) ? ' ' : '. '}
        <span className="reference-source">{formatSource(reference)}</span>
        {links.map((l) => (
          <span key={l.href}>
            {' '}
            <a className="external" href={l.href} rel="noopener noreferrer" target="_blank">
              {l.label}
              <span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          </span>
        ))}
      </span>
    </div>
  );
}
