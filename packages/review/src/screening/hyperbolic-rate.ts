/**
 * Maximum-likelihood fit of the hyperbolic rate λ(k) = a / (1 + c·k), k = 1…n (Stevenson & Bin-Hezam 2023), to a 0/1
 * sequence of includes, as a Poisson process. For a fixed c the likelihood is maximised by a = included / Σ 1/(1 + c·k),
 * and then log L = included·ln a − Σ_{includes} ln(1 + c·k) − included; c is searched over 0 (a constant rate) and
 * 10^−3…10^3 / n in 61 log-spaced steps.
 */
export function fitHyperbolicRate(sequence: readonly (0 | 1)[]): { a: number; c: number } {
  const n = sequence.length;
  const included = sequence.reduce<number>((s, v) => s + v, 0);
  let best = { ll: -Infinity, a: included / n, c: 0 };
  for (let step = -1; step <= 60; step++) {
    const c = step === -1 ? 0 : Math.pow(10, -3 + step / 10) / n;
    let mass = 0;
    let logs = 0;
    for (let k = 1; k <= n; k++) {
      mass += 1 / (1 + c * k);
      if (sequence[k - 1] === 1) logs += Math.log1p(c * k);
    }
    const a = included / mass;
    const ll = included * Math.log(a) - logs - included;
    if (ll > best.ll) best = { ll, a, c };
  }
  return { a: best.a, c: best.c };
}
