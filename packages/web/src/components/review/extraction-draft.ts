/**
 * The extraction form as typed: every input a string (so that "-", "1e" or "abc" can be typed and refused at the
 * field), turned into the API's JSON by toData() and back by fromData().
 */
import type { JsonSchema } from '../../api/review';

export interface GroupDraft {
  id: string;
  label: string;
  role: string;
  control: string;
  n: string;
  mean: string;
  sd: string;
  sem: string;
  events: string;
}

export interface OutcomeDraft {
  outcome: string;
  label: string;
  timePoint: string;
  days: string;
  kind: string;
  unit: string;
  direction: string;
  quote: string;
  groups: GroupDraft[];
}

export interface CharacteristicsDraft {
  species: string;
  strain: string;
  sex: string;
  diseaseArea: string;
  diseaseModel: string;
  induction: string;
  cellSource: string;
  cellSourceDetail: string;
  methods: string[];
  isolationDetails: string;
  doseValue: string;
  doseUnit: string;
  doseBasis: string;
  route: string;
  timing: string;
  comparator: string;
  notes: string;
}

export interface ExtractionDraft {
  characteristics: CharacteristicsDraft;
  outcomes: OutcomeDraft[];
}

export const emptyGroup = (id: string, role: string): GroupDraft => ({ id, label: '', role, control: '', n: '', mean: '', sd: '', sem: '', events: '' });
export const emptyOutcome = (): OutcomeDraft => ({ outcome: '', label: '', timePoint: '', days: '', kind: 'continuous', unit: '', direction: 'higher-is-better', quote: '', groups: [emptyGroup('treatment', 'treatment'), emptyGroup('control', 'control')] });
export const emptyDraft = (): ExtractionDraft => ({
  characteristics: { species: '', strain: '', sex: '', diseaseArea: '', diseaseModel: '', induction: '', cellSource: '', cellSourceDetail: '', methods: [], isolationDetails: '', doseValue: '', doseUnit: '', doseBasis: '', route: '', timing: '', comparator: '', notes: '' },
  outcomes: [emptyOutcome()],
});

/** "" → left out; a number → the number; anything else → kept as typed (the schema names it at its field). */
export function numberOrText(s: string): number | string | undefined {
  const t = s.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

const opt = (s: string): string | undefined => (s.trim() === '' ? undefined : s.trim());

function compact<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The form as the API takes it. */
export function toData(d: ExtractionDraft): unknown {
  const c = d.characteristics;
  const dose = c.doseValue.trim() || c.doseUnit.trim() ? compact({ value: numberOrText(c.doseValue), unit: opt(c.doseUnit), basis: opt(c.doseBasis) }) : undefined;
  return {
    characteristics: compact({
      species: opt(c.species),
      strain: opt(c.strain),
      sex: opt(c.sex),
      diseaseArea: opt(c.diseaseArea),
      diseaseModel: opt(c.diseaseModel),
      induction: opt(c.induction),
      cellSource: opt(c.cellSource),
      cellSourceDetail: opt(c.cellSourceDetail),
      isolation: compact({ methods: c.methods, details: opt(c.isolationDetails) }),
      dose,
      route: opt(c.route),
      timing: opt(c.timing),
      comparator: opt(c.comparator),
      notes: opt(c.notes),
    }),
    outcomes: d.outcomes.map((o) =>
      compact({
        outcome: o.outcome.trim(),
        label: opt(o.label),
        timePoint: o.timePoint.trim(),
        days: numberOrText(o.days),
        kind: o.kind,
        unit: opt(o.unit),
        direction: o.direction,
        quote: opt(o.quote),
        groups: o.groups.map((g) =>
          compact({
            id: g.id.trim(),
            label: opt(g.label),
            role: g.role,
            control: g.role === 'treatment' ? opt(g.control) : undefined,
            n: numberOrText(g.n),
            ...(o.kind === 'continuous' ? { mean: numberOrText(g.mean), sd: numberOrText(g.sd), sem: numberOrText(g.sem) } : { events: numberOrText(g.events) }),
          }),
        ),
      }),
    ),
  };
}

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/** A saved form back into the draft. */
export function fromData(data: unknown): ExtractionDraft {
  const d = (data ?? {}) as { characteristics?: Record<string, unknown>; outcomes?: Record<string, unknown>[] };
  const c = d.characteristics ?? {};
  const iso = (c.isolation ?? {}) as { methods?: string[]; details?: string };
  const dose = (c.dose ?? {}) as { value?: number; unit?: string; basis?: string };
  return {
    characteristics: {
      species: str(c.species),
      strain: str(c.strain),
      sex: str(c.sex),
      diseaseArea: str(c.diseaseArea),
      diseaseModel: str(c.diseaseModel),
      induction: str(c.induction),
      cellSource: str(c.cellSource),
      cellSourceDetail: str(c.cellSourceDetail),
      methods: iso.methods ?? [],
      isolationDetails: str(iso.details),
      doseValue: str(dose.value),
      doseUnit: str(dose.unit),
      doseBasis: str(dose.basis),
      route: str(c.route),
      timing: str(c.timing),
      comparator: str(c.comparator),
      notes: str(c.notes),
    },
    outcomes: (d.outcomes ?? []).map((o) => ({
      outcome: str(o.outcome),
      label: str(o.label),
      timePoint: str(o.timePoint),
      days: str(o.days),
      kind: str(o.kind) || 'continuous',
      unit: str(o.unit),
      direction: str(o.direction) || 'higher-is-better',
      quote: str(o.quote),
      groups: ((o.groups ?? []) as Record<string, unknown>[]).map((g) => ({ id: str(g.id), label: str(g.label), role: str(g.role), control: str(g.control), n: str(g.n), mean: str(g.mean), sd: str(g.sd), sem: str(g.sem), events: str(g.events) })),
    })),
  };
}

/** The values a JSON Schema allows at a field (looking through anyOf / items). */
export function enumOf(schema: JsonSchema | undefined): string[] {
  if (!schema) return [];
  if (schema.enum) return schema.enum;
  for (const s of schema.anyOf ?? []) {
    const e = enumOf(s);
    if (e.length) return e;
  }
  return schema.items ? enumOf(schema.items) : [];
}
