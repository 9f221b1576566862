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
}

const EPS_QUARTER = Math.pow(2.220446049250313e-16, 0.25);

/** metafor's own defaults (rma.uni: threshold 1e-5, maxiter 100, stepadj 1): trimfill() refits with these. */
export const METAFOR_DEFAULT_CONTROL: Control = { threshold: 1e-5, maxiter: 100, stepadj: 1, tol: EPS_QUARTER, tau2Min: 0, ll0check: true };

/**
 * ExoAtlas's defaults: τ² iterated to 1e-12, as the conformance fixtures ask metafor to
 * (`control = list(threshold = 1e-12, maxiter = 10000, stepadj = 0.5)`).
 */
export const DEFAULT_CONTROL: Control = { threshold: 1e-12, maxiter: 10000, stepadj: 0.5, tol: EPS_QUARTER, tau2Min: 0, ll0check: true };
