import { Link } from '../router/Link';

/** The review's citation brackets, "[27, 28]", each number a link to the reference's page. */
export function RefNumbers({ numbers, titles }: { numbers: readonly number[]; titles?: ReadonlyMap<number, string> }) {
  if (numbers.length === 0) return null;
  return (
    <span className="ref-numbers">
      [
      {numbers.map((n, i) => (
        <span key={n}>
          {i > 0 && ', '}
          <Link to={`/references/${n}`} title={titles?.get(n)} aria-label={`Reference ${n}${titles?.get(n) ? `: ${titles.get(n)}` : ''}`}>
            {n}
          </Link>
        </span>
      ))}
      ]
    </span>
  );
}
