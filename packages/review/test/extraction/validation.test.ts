/** Extraction forms: bad values refused with a message at the field, all at once, and nothing partial accepted. */
import { ExoError } from '@exoatlas/schema';
import { describe, expect, it } from 'vitest';
import { formatPath, parseExtractionForm, validateExtractionForm } from '../../src/extraction/validate.js';
import { rawFixture } from '../synthesis/load-fixture.js';

const good = (): Record<string, unknown> => structuredClone(rawFixture().studies[2]!.form) as Record<string, unknown>;

function issuesOf(form: unknown): Record<string, string> {
  const r = validateExtractionForm(form);
  if (r.ok) return {};
  return Object.fromEntries(r.issues.map((i) => [i.path, i.message]));
}

describe('extraction form validation', () => {
  it('accepts every fixture form', () => {
    for (const s of rawFixture().studies) expect(validateExtractionForm(s.form).ok).toBe(true);
  });

  it('formats zod paths as the fields of the form', () => {
    expect(formatPath(['outcomes', 0, 'groups', 1, 'sd'])).toBe('outcomes[0].groups[1].sd');
    expect(formatPath([])).toBe('');
  });

  it('refuses a negative SD, a fractional or zero n, with a message per field', () => {
    const f = good() as { outcomes: { groups: Record<string, unknown>[] }[] };
    f.outcomes[0]!.groups[1]!.sd = -1;
    f.outcomes[0]!.groups[0]!.n = 5.5;
    f.outcomes[0]!.groups[2]!.n = 0;
    expect(issuesOf(f)).toEqual({
      'outcomes[0].groups[1].sd': 'a standard deviation cannot be negative',
      'outcomes[0].groups[0].n': 'n must be a whole number',
      'outcomes[0].groups[2].n': 'n must be at least 1',
    });
  });

  it('refuses text where a number belongs, a missing n, unknown fields', () => {
    const f = good() as { outcomes: { groups: Record<string, unknown>[] }[]; characteristics: Record<string, unknown> };
    f.outcomes[0]!.groups[1]!.n = '6';
    delete f.outcomes[0]!.groups[2]!.n;
    f.characteristics.colour = 'blue';
    expect(issuesOf(f)).toEqual({ 'outcomes[0].groups[1].n': 'n must be a number', 'outcomes[0].groups[2].n': 'this field is required', characteristics: 'unknown field "colour"' });
  });

  it('needs a mean and an SD or SEM for a continuous outcome', () => {
    const f = good() as { outcomes: { groups: Record<string, unknown>[] }[] };
    delete f.outcomes[0]!.groups[0]!.sd;
    delete f.outcomes[0]!.groups[0]!.mean;
    expect(issuesOf(f)).toEqual({ 'outcomes[0].groups[0].mean': 'a continuous outcome needs the mean', 'outcomes[0].groups[0].sd': 'give the SD or the SEM' });
  });

  it('checks the study characteristics', () => {
    const f = good() as { characteristics: Record<string, unknown> };
    f.characteristics.species = 'hamster';
    f.characteristics.isolation = { methods: ['dUC', 'dUC'] };
    f.characteristics.dose = { value: -3, unit: 'µg' };
    f.characteristics.diseaseModel = '  ';
    const issues = issuesOf(f);
    expect(issues['characteristics.species']).toMatch(/^species: use one of mouse, rat, /);
    expect(issues['characteristics.isolation.methods']).toBe('an isolation method is listed twice');
    expect(issues['characteristics.dose.value']).toBe('a dose must be greater than 0');
    expect(issues['characteristics.diseaseModel']).toBe('the disease model cannot be empty');
  });

  it('checks the arms and their controls', () => {
    const f = good() as { outcomes: { groups: Record<string, unknown>[] }[] };
    f.outcomes[0]!.groups.push({ id: 'C2', role: 'control', n: 4, mean: 50, sd: 3 });
    f.outcomes[0]!.groups[1]!.control = 'nope';
    const issues = issuesOf(f);
    expect(issues['outcomes[0].groups[0].control']).toBe("several control groups: name this arm's control");
    expect(issues['outcomes[0].groups[1].control']).toBe('no control group has the id "nope"');
  });

  it('counts: events are whole, at most n; means do not belong to counts', () => {
    const f = {
      characteristics: (good() as { characteristics: unknown }).characteristics,
      outcomes: [{ outcome: 'mortality', timePoint: 'day 28', kind: 'dichotomous', direction: 'lower-is-better', groups: [{ id: 'T', role: 'treatment', n: 10, events: 12 }, { id: 'C', role: 'control', n: 10, events: 2.5, mean: 3 }] }],
    };
    const issues = issuesOf(f);
    expect(issues['outcomes[0].groups[0].events']).toBe('events (12) cannot exceed n (10)');
    expect(issues['outcomes[0].groups[1].events']).toBe('events must be a whole number');
    const g = structuredClone(f);
    g.outcomes[0]!.groups[1]!.events = 2;
    expect(issuesOf(g)).toEqual({ 'outcomes[0].groups[0].events': 'events (12) cannot exceed n (10)', 'outcomes[0].groups[1].mean': 'mean belongs to continuous outcomes' });
  });

  it('the throwing variant raises one EXO_ERR_EXTRACT_INVALID naming every field', () => {
    const f = good() as { outcomes: { groups: Record<string, unknown>[] }[] };
    f.outcomes[0]!.groups[1]!.sd = -1;
    try {
      parseExtractionForm(f);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ExoError);
      const err = e as ExoError;
      expect(err.code).toBe('EXO_ERR_EXTRACT_INVALID');
      expect(err.status).toBe(400);
      expect(err.message).toContain('outcomes[0].groups[1].sd: a standard deviation cannot be negative');
      expect(err.context.fields).toEqual([{ path: 'outcomes[0].groups[1].sd', message: 'a standard deviation cannot be negative' }]);
    }
  });
});
