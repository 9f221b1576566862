/**
 * @exoatlas/review — the living-review workflow: projects, reviewers, dual screening with prioritised ranking,
 * agreement, and the PRISMA 2020 flow diagram. The core is pure (no I/O); ReviewService adds the policy on top of a
 * ReviewStore (packages/store implements it over SQLite).
 */
export * from './types.js';
export { tokenize, terms } from './ranking/tokenize.js';
export { tfidf, fnv1a, type TfidfOptions } from './ranking/tfidf.js';
export type { SparseMatrix } from './ranking/sparse.js';
export type { Classifier, Label } from './ranking/classifier.js';
export { NaiveBayes, type NaiveBayesOptions } from './ranking/naive-bayes.js';
export { AdaptiveNaiveBayes, auc, DEFAULT_SETTINGS, type AdaptiveNaiveBayesOptions, type NaiveBayesSetting } from './ranking/adaptive-naive-bayes.js';
export { LinearSvm, type LinearSvmOptions } from './ranking/linear-svm.js';
export { LogisticRegression, type LogisticRegressionOptions } from './ranking/logistic-regression.js';
export { MODEL_NAMES, DEFAULT_MODEL, createClassifier, featuresFor, type ModelName } from './ranking/models.js';
export { Ranker, type Ranking, type RankerOptions } from './ranking/ranker.js';
export { RankerCache, type RankJob, type RankReply } from './ranking/ranker-cache.js';
export { inThreadRanking, type RankingEngine } from './service/ranking-engine.js';
export { mapYielding, yieldToLoop, YIELD_EVERY } from './service/yielding.js';
export { recordText, criteriaText } from './ranking/record-text.js';
export { mulberry32, randomIndex } from './simulation/prng.js';
export { simulateScreening, startingRecords, type SimulationOptions } from './simulation/simulate.js';
export { screeningMetrics, type ScreeningMetrics } from './simulation/metrics.js';
export { readLabelledSet, LABEL_COLUMNS, type LabelledSet } from './simulation/labelled.js';
export { percentAgreement } from './agreement/percent.js';
export { cohenKappa } from './agreement/cohen-kappa.js';
export { screeningLogCsv } from './export/screening-log.js';
export { AUTOMATION_REASON } from './screening/automation.js';
export { discoveryCurveSvg } from './screening/discovery-curve.js';
export { cohenKappaVariance } from './agreement/cohen-kappa-variance.js';
export { kappaInterval } from './agreement/kappa-interval.js';
export { agreementStats, type AgreementStats, type PairAgreement } from './agreement/agreement.js';
export { prismaCounts, NO_REASON, type PrismaCounts, type PrismaRecord, type ReasonCount } from './prisma/counts.js';
export { prismaSvg, type PrismaSvgOptions } from './prisma/svg.js';
export { prismaCsv } from './prisma/csv.js';
export { RECORD_STATUSES, stageOutcome, latestByReviewer, latestResolution, requiredReviewers, validateDecision, type RecordStatus, type StageOutcome, type DecisionInput } from './screening/decisions.js';
export { readerOf, isBlinded, visibleDecisions, visibleSequence, areFormsBlinded, isBlindedToAnyForm, visibleForms, visibleAudit, BLINDED_PLACEHOLDER, type Reader, type Work } from './visibility/index.js';
export { findConflicts, type Conflict } from './screening/conflicts.js';
export { stoppingGuidance, type StoppingGuidance } from './screening/stopping.js';
export { fitHyperbolicRate } from './screening/hyperbolic-rate.js';
export { hashPassword, verifyPassword } from './auth/password.js';
export { checkPasswordPolicy, preloadCommonPasswords, MIN_PASSWORD_LENGTH, MAX_PASSWORD_BYTES } from './auth/password-policy.js';
export { accountKey, addressKey, countAttempt, lockedUntil, retryAfterSeconds, DEFAULT_THROTTLE_LIMITS, type LoginAttempt, type ThrottleLimits, type ThrottleState } from './auth/login-throttle.js';
export { newSessionToken, hashToken, SESSION_COOKIE, SESSION_DAYS } from './auth/token.js';
export { requireRole, PERMISSIONS, type Action } from './auth/roles.js';
export { planImport, planInThread, ImportBasisChanged, importBasis, readSearchFiles, slimCitation, type ImportPlanner, type ImportPlan, type IncomingFate, type SearchFile, type ReadSearchFile } from './import/plan-import.js';
export { importIntoProject, type ProjectImporter, type ProjectImportJob, type SearchProvenanceInput } from './import/import-into-project.js';
export type { ReviewStore, AccountAuditEntry, AuditOptions, NewProject, NewSearch, NewDecision, NewResolution, ScreeningLogDelta } from './service/review-store.js';
export { AccountService, type AccountServiceOptions } from './service/account-service.js';
export { ReviewService, DEFAULT_EXCLUSION_REASONS, slugify, type ReviewServiceOptions, type RecordView, type StageView, type StageProgress, type ProjectView } from './service/review-service.js';
// —— part 2 (issue 8): data extraction, appraisal (SYRCLE, MISEV), one-step synthesis, back into the atlas ——
export * from './extraction/index.js';
export * from './appraisal/index.js';
export * from './synthesis/index.js';
