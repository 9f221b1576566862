import type { Claim } from '@exoatlas/schema';

/** Every entity a claim names: its subject, its object and the diseases and cell types of its context. */
export function claimEntityIds(claim: Claim): string[] {
  return [...new Set([claim.subject, claim.object, ...claim.context.diseases, ...claim.context.cellTypes])];
}

/** Reference numbers of a claim: its own and those of its provenance, sorted and unique. */
export function claimReferenceNumbers(claim: Claim): number[] {
  return [...new Set([...claim.referenceNumbers, ...claim.provenance.flatMap((p) => p.referenceNumbers)])].sort((a, b) => a - b);
}
