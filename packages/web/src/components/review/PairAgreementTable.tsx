/** One reviewer pair's agreement at a stage: the cross-table of their decisions with totals, percent agreement and κ. */
import { STAGE_LABELS, type DecisionValue, type PairAgreement, type Stage } from '../../api/review';
import { kappaText, pct } from './ReviewParts';

const LABEL: Record<DecisionValue, string> = { include: 'Include', exclude: 'Exclude', maybe: 'Maybe' };

/** The decisions the table shows: include and exclude (2×2), and maybe when either reviewer said it (3×3). */
export function tableValues(table: PairAgreement['table']): DecisionValue[] {
  const values: DecisionValue[] = ['include', 'exclude'];
  const hasMaybe = (['include', 'exclude', 'maybe'] as const).some((v) => table.maybe[v] > 0 || table[v].maybe > 0);
  return hasMaybe ? [...values, 'maybe'] : values;
}

export function PairAgreementTable({ pair, stage }: { pair: PairAgreement; stage: Stage }) {
  const [a, b] = pair.reviewers;
  const values = tableValues(pair.table);
  const rowTotal = (r: DecisionValue): number => values.reduce((n, c) => n + pair.table[r][c], 0);
  const colTotal = (c: DecisionValue): number => values.reduce((n, r) => n + pair.table[r][c], 0);
  return (
    <div className="table-wrap pair-agreement" role="region" aria-label={`${a} and ${b}: ${STAGE_LABELS[stage].toLowerCase()}`} tabIndex={0}>
      <table className="data-table cross-table">
        <caption>
          {a} × {b}, {STAGE_LABELS[stage].toLowerCase()}: {pair.records} records, agreement {pct(pair.percentAgreement, 1)}, Cohen's κ {kappaText(pair.kappa, pair.kappaCi)}
          {values.includes('maybe') ? `; κ with maybe as include ${kappaText(pair.kappaIncludeExclude, pair.kappaIncludeExcludeCi)}` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">
              {a} ↓ · {b} →
            </th>
            {values.map((c) => (
              <th key={c} scope="col" className="num">
                {b}: {LABEL[c]}
              </th>
            ))}
            <th scope="col" className="num">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {values.map((r) => (
            <tr key={r}>
              <th scope="row">
                {a}: {LABEL[r]}
              </th>
              {values.map((c) => (
                <td key={c} className={r === c ? 'num agree' : 'num'}>
                  {pair.table[r][c]}
                </td>
              ))}
              <td className="num">{rowTotal(r)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">Total</th>
            {values.map((c) => (
              <td key={c} className="num">
                {colTotal(c)}
              </td>
            ))}
            <td className="num">{pair.records}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
