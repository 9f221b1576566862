/**
 * Knapp–Hartung scale factor s² = Σwᵢ(yᵢ − xᵢ'β)² / (k − p) with the model's weights, set to 0 when the
 * weighted RSS is below machine epsilon (metafor rma.uni test="knha"; Knapp & Hartung 2003, Hartung & Knapp 2001).
 */
export function knhaScale(rss: number, k: number, p: number): number {
  return rss <= 2.220446049250313e-16 ? 0 : rss / (k - p);
}
