/**
 * The data-extraction form of one included study: its characteristics and its outcome data. zod schemas with a
 * message per field, so that a form is refused with `outcomes[0].groups[1].sd: a standard deviation cannot be
 * negative` — at the field, and before anything is saved.
 */
import { CellSource, DiseaseArea, Species } from '@exoatlas/schema';
import { z } from 'zod';

/** The six isolation methods of the review (a study may combine several), plus anything else it names. */
export const ISOLATION_METHODS = ['dUC', 'SEC', 'UF', 'PEG', 'IA', 'MF', 'other', 'not-reported'] as const;
export const IsolationMethodCode = z.enum(ISOLATION_METHODS, { error: `use one of ${ISOLATION_METHODS.join(', ')}` });

const text = (what: string) => z.string({ error: `${what} must be text` }).trim().min(1, `${what} cannot be empty`).max(2000, `${what} is too long (at most 2000 characters)`);
const optText = (what: string) => text(what).optional();

const finite = (what: string) => z.number({ error: `${what} must be a number` }).finite(`${what} must be a finite number`);

export const Dose = z
  .object({
    value: finite('the dose').positive('a dose must be greater than 0'),
    unit: text('the dose unit'),
    basis: z.enum(['particles', 'protein', 'volume', 'cells-equivalent', 'other'], { error: 'dose basis: use particles, protein, volume, cells-equivalent or other' }).optional(),
  })
  .strict();

/** Study characteristics: the fields synthesis can group by. "not-reported" is a value, not a gap. */
export const StudyCharacteristics = z
  .object({
    species: z.enum([...Species.options, 'not-reported'], { error: `species: use one of ${[...Species.options, 'not-reported'].join(', ')}` }).describe('Species of the animals'),
    strain: optText('the strain'),
    sex: z.enum(['male', 'female', 'both', 'not-reported'], { error: 'sex: use male, female, both or not-reported' }),
    diseaseArea: DiseaseArea.optional().describe('The organ system, as the atlas classifies studies'),
    diseaseModel: text('the disease model'),
    induction: optText('the induction of the model'),
    cellSource: CellSource.describe('Cell source of the vesicles'),
    cellSourceDetail: optText('the cell-source detail'),
    isolation: z
      .object({
        methods: z.array(IsolationMethodCode).min(1, 'name at least one isolation method (or not-reported)'),
        details: optText('the isolation details'),
      })
      .strict()
      .refine((i) => new Set(i.methods).size === i.methods.length, { message: 'an isolation method is listed twice', path: ['methods'] })
      .refine((i) => !i.methods.includes('not-reported') || i.methods.length === 1, { message: '"not-reported" cannot be combined with a method', path: ['methods'] }),
    dose: Dose.optional(),
    route: optText('the route'),
    timing: optText('the timing'),
    comparator: optText('the comparator'),
    notes: optText('the notes'),
  })
  .strict();
export type StudyCharacteristics = z.infer<typeof StudyCharacteristics>;

const wholeN = z
  .number({ error: 'n must be a number' })
  .int('n must be a whole number')
  .min(1, 'n must be at least 1');

/** One group of an outcome at one time point: treatment arm, control, or sham (the normal animals of NMD). */
export const OutcomeGroup = z
  .object({
    id: z.string({ error: 'the group id must be text' }).regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/, 'a group id is a short code of letters, digits, "-" or "_"'),
    label: optText('the group label'),
    role: z.enum(['treatment', 'control', 'sham'], { error: 'role: use treatment, control or sham' }),
    /** for a treatment arm: the id of its control group (default: the outcome's only control) */
    control: z.string({ error: 'the control group id must be text' }).max(40, 'a control group id is at most 40 characters').optional(),
    n: wholeN,
    mean: finite('the mean').optional(),
    sd: finite('the SD').min(0, 'a standard deviation cannot be negative').optional(),
    sem: finite('the SEM').min(0, 'a standard error cannot be negative').optional(),
    events: z.number({ error: 'events must be a number' }).int('events must be a whole number').min(0, 'events cannot be negative').optional(),
  })
  .strict()
  .superRefine((g, ctx) => {
    if (g.events !== undefined && g.events > g.n) ctx.addIssue({ code: 'custom', message: `events (${g.events}) cannot exceed n (${g.n})`, path: ['events'] });
    if (g.control !== undefined && g.role !== 'treatment') ctx.addIssue({ code: 'custom', message: 'only a treatment arm names its control', path: ['control'] });
  });
export type OutcomeGroup = z.infer<typeof OutcomeGroup>;

export const Direction = z.enum(['higher-is-better', 'lower-is-better'], { error: 'direction: use higher-is-better or lower-is-better' });
export type Direction = z.infer<typeof Direction>;

/** One outcome at one time point. `outcome` is the key synthesis pools by (the same across studies). */
export const OutcomeData = z
  .object({
    outcome: z.string({ error: 'the outcome key must be text' }).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'the outcome key is lower-case kebab-case, e.g. wound-closure'),
    label: optText('the outcome label'),
    timePoint: text('the time point'),
    /** the time point in days, to order time points */
    days: finite('days').min(0, 'days cannot be negative').optional(),
    kind: z.enum(['continuous', 'dichotomous'], { error: 'kind: use continuous or dichotomous' }),
    unit: optText('the unit'),
    direction: Direction.describe('whether higher or lower values are better; forest plots, the CLI and the API say from it which side favours treatment'),
    groups: z.array(OutcomeGroup).min(2, 'an outcome needs at least a treatment and a control group'),
    quote: optText('the quote'),
  })
  .strict()
  .superRefine((o, ctx) => {
    const ids = new Set<string>();
    o.groups.forEach((g, i) => {
      if (ids.has(g.id)) ctx.addIssue({ code: 'custom', message: `the group id "${g.id}" is used twice`, path: ['groups', i, 'id'] });
      ids.add(g.id);
      if (o.kind === 'continuous') {
        if (g.mean === undefined) ctx.addIssue({ code: 'custom', message: 'a continuous outcome needs the mean', path: ['groups', i, 'mean'] });
        if (g.sd === undefined && g.sem === undefined && g.role !== 'sham') ctx.addIssue({ code: 'custom', message: 'give the SD or the SEM', path: ['groups', i, 'sd'] });
        if (g.events !== undefined) ctx.addIssue({ code: 'custom', message: 'events belong to dichotomous outcomes', path: ['groups', i, 'events'] });
      } else {
        if (g.events === undefined && g.role !== 'sham') ctx.addIssue({ code: 'custom', message: 'a dichotomous outcome needs the number of events', path: ['groups', i, 'events'] });
        for (const f of ['mean', 'sd', 'sem'] as const) if (g[f] !== undefined) ctx.addIssue({ code: 'custom', message: `${f} belongs to continuous outcomes`, path: ['groups', i, f] });
      }
    });
    const controls = o.groups.filter((g) => g.role === 'control');
    if (controls.length === 0) ctx.addIssue({ code: 'custom', message: 'an outcome needs a control group', path: ['groups'] });
    if (!o.groups.some((g) => g.role === 'treatment')) ctx.addIssue({ code: 'custom', message: 'an outcome needs at least one treatment arm', path: ['groups'] });
    if (o.groups.filter((g) => g.role === 'sham').length > 1) ctx.addIssue({ code: 'custom', message: 'an outcome has at most one sham group', path: ['groups'] });
    o.groups.forEach((g, i) => {
      if (g.role !== 'treatment') return;
      if (g.control === undefined) {
        if (controls.length > 1) ctx.addIssue({ code: 'custom', message: 'several control groups: name this arm\'s control', path: ['groups', i, 'control'] });
      } else if (!controls.some((c) => c.id === g.control)) {
        ctx.addIssue({ code: 'custom', message: `no control group has the id "${g.control}"`, path: ['groups', i, 'control'] });
      }
    });
  });
export type OutcomeData = z.infer<typeof OutcomeData>;

/** The whole form of one study, as one reviewer (or the consensus) filled it in. */
export const ExtractionForm = z
  .object({
    characteristics: StudyCharacteristics,
    outcomes: z.array(OutcomeData).default([]),
  })
  .strict()
  .superRefine((f, ctx) => {
    const seen = new Set<string>();
    f.outcomes.forEach((o, i) => {
      const key = `${o.outcome}@${o.timePoint}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', message: `outcome "${o.outcome}" at "${o.timePoint}" is entered twice`, path: ['outcomes', i, 'timePoint'] });
      seen.add(key);
    });
  });
export type ExtractionForm = z.infer<typeof ExtractionForm>;
export type ExtractionFormInput = z.input<typeof ExtractionForm>;
