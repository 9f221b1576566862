/** Settings of the iterative τ² estimators (metafor's rma() `control` list). */
export interface Control {
  /** convergence threshold on the change in τ² (ML, REML, EB) */
  threshold: number;
  /** maximum iterations (ML, REML, EB; uniroot for PM) */
  maxiter: number;
  /** step-size adjustment of Fisher scoring */
  stepadj: number;
  /** uniroot tolerance (PM), also the ll0 check tolerance */
  tol: number;
  /** lower bound of τ² */
  tau2Min: number;
  /** upper bound of τ² for PM (default max(100, 10·mad(yi)²)) */
  tau2Max?: number;
  /** check whether τ² = 0 has the larger likelihood after ML/REML (metafor's ll0check) */
  ll0check: boolean;
  /**
   * ExoAtlas only: refits of the same studies (leave-one-out, cumulative, influence, permutations) start Fisher
   * scoring at the full-data τ² instead of at the HE estimate. The fixed point is the same; fewer steps reach it.
   */
  warmStart?: boolean;
}

const EPS_QUARTER = Math.pow(2.220446049250313e-16, 0.25);

/** metafor's own defaults (rma.uni: threshold 1e-5, maxiter 100, stepadj 1): trimfill() refits with these. */
export const METAFOR_DEFAULT_CONTROL: Control = { threshold: 1e-5, maxiter: 100, stepadj: 1, tol: EPS_QUARTER, tau2Min: 0, ll0check: true, warmStart: false };

/**
 * ExoAtlas's defaults: τ² iterated to 1e-12, as the conformance fixtures ask metafor to
 * (`control = list(threshold = 1e-12, maxiter = 10000, stepadj = 0.5)`), but with metafor's own full Fisher
 * step (stepadj 1): it reaches the same τ² (every conformance case agrees with stepadj 0.5 to 1e-10, see
 * test/unit/stepadj-warm-start.test.ts) in about a third of the iterations (issue 23).
 */
export const DEFAULT_CONTROL: Control = { threshold: 1e-12, maxiter: 10000, stepadj: 1, tol: EPS_QUARTER, tau2Min: 0, ll0check: true, warmStart: false };

/** The control of the fixtures' R calls exactly, cold starts included (for the agreement tests and `--control`). */
export const FIXTURE_CONTROL: Control = { ...DEFAULT_CONTROL, stepadj: 0.5, warmStart: false };
