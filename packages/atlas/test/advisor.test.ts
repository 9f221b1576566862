import { describe, expect, it } from 'vitest';
import { adviseMethods, parseNeeds } from '@exoatlas/atlas';
import { realAtlas, thrown } from './real-atlas.js';

// Rankings worked out by hand from section 2 of the review (see docs/advisor.md).
const ranks = (advice: ReturnType<ReturnType<typeof realAtlas>['adviseMethods']>): string[] => advice.ranking.map((m) => `${m.rank} ${m.method} ${m.score}`);

describe('isolation-method advisor: rankings from the review', () => {
  it('large volume + scalable: dUC (large volumes) and PEG (scalable) first, IA (poor scalability) last', () => {
    const advice = realAtlas().adviseMethods({ volume: 'large', scalability: 'high' });
    expect(ranks(advice)).toEqual(['1 dUC 1', '1 PEG 1', '3 SEC 0', '3 UF 0', '3 MF 0', '6 IA -1']);
    const duc = advice.ranking[0]!;
    expect(duc.reasons).toEqual([
      {
        need: 'volume',
        effect: 'favours',
        points: 1,
        statement: 'Can extract from large volumes of biological fluids',
        quote: 'allowing for extracting from large volumes of biological fluids with minimal use of reagents',
        section: '2',
        referenceNumbers: [27, 28],
      },
    ]);
    expect(duc.unknown).toEqual(['scalability']);
    expect(advice.ranking[1]!.reasons[0]!.quote).toBe('This results in a method which is easily reproducible and scalable');
    expect(advice.ranking[5]!.reasons[0]).toMatchObject({ need: 'scalability', effect: 'counts against', statement: 'Poor scalability' });
    // MF speaks only of much smaller samples: nothing about large volumes, so "unknown", not "counts against".
    expect(advice.ranking.find((m) => m.method === 'MF')!.unknown).toEqual(['volume', 'scalability']);
    expect(advice.notes).toContain('The review speaks of MF only for small volumes; that says nothing about large volumes.');
    expect(advice.notes).toContain('dUC, PEG share the first rank: the review gives no basis to separate them for these needs.');
    expect(advice.needs).toEqual({ volume: { value: 'large', weight: 1 }, scalability: { value: 'high', weight: 1 } });
  });

  it('high purity: UF (purer) and IA (faster and purer) first, dUC (non-exosomal particles) and PEG (contamination) last', () => {
    const advice = realAtlas().adviseMethods({ purity: 'high' });
    expect(ranks(advice)).toEqual(['1 UF 1', '1 IA 1', '3 SEC 0', '3 MF 0', '5 dUC -1', '5 PEG -1']);
    expect(advice.ranking.filter((m) => m.unknown.includes('purity')).map((m) => m.method)).toEqual(['SEC', 'MF']);
    // The review: "UF allows for a purer extraction and is often used conjunctively with dUC and SEC."
    expect(advice.combinations.map((c) => `${c.methods.join('+')}: ${c.favours.join(',')}`)).toEqual(['UF+dUC: purity', 'SEC+UF: purity']);
    expect(advice.combinations[0]!.quote).toBe('UF allows for a purer extraction and is often used conjunctively with dUC and SEC.');
    expect(advice.notes.some((n) => n.includes('(1) Manufacturing Inefficiencies'))).toBe(true);
  });

  it('high purity but also scalable and fast: IA gains on speed, loses on scalability', () => {
    const advice = realAtlas().adviseMethods({ purity: 'high', scalability: 'high', speed: 'high' });
    // UF +1; IA +1 (purer) +1 (faster) −1 (poor scalability) = +1; PEG −1 (contamination) +1 (scalable) = 0; dUC −1.
    expect(ranks(advice)).toEqual(['1 UF 1', '1 IA 1', '3 SEC 0', '3 PEG 0', '3 MF 0', '6 dUC -1']);
  });

  it('weights multiply: with scalability twice as important, PEG leads alone and IA falls further', () => {
    const advice = realAtlas().adviseMethods({ volume: 'large', scalability: 'high', 'weight.scalability': '2' });
    expect(ranks(advice)).toEqual(['1 PEG 2', '2 dUC 1', '3 SEC 0', '3 UF 0', '3 MF 0', '6 IA -2']);
  });

  it('small volume, low cost and antibodies at hand: MF first (smaller sample, less antibody reagent)', () => {
    const advice = realAtlas().adviseMethods({ volume: 'small', cost: 'low', equipment: 'antibodies,microfluidics' });
    // MF: +1 volume, +1 cost, +1 equipment; IA: −1 cost (expensive antibodies), +1 equipment; dUC: +1 cost (minimal
    // reagents), −1 equipment; SEC: −1 cost (expensive sorbents), −1 equipment; UF, PEG: −1 equipment.
    expect(ranks(advice)).toEqual(['1 MF 3', '2 dUC 0', '2 IA 0', '4 UF -1', '4 PEG -1', '6 SEC -2']);
    const mf = advice.ranking[0]!;
    expect(mf.reasons.map((r) => `${r.need} ${r.effect}`)).toEqual(['volume favours', 'cost favours', 'equipment favours']);
    expect(mf.reasons[2]!.quote).toContain('devices consisting of small units having a network of microchannels');
  });

  it('says when the review gives no basis: speed is known for IA only, function only against IA, yield only against SEC', () => {
    const advice = realAtlas().adviseMethods({ yield: 'high', function: 'preserved' });
    expect(ranks(advice)).toEqual(['1 dUC 0', '1 UF 0', '1 PEG 0', '1 MF 0', '5 SEC -1', '5 IA -1']);
    expect(advice.ranking.find((m) => m.method === 'dUC')!.unknown).toEqual(['yield', 'function']);
    expect(advice.notes).toContain('On yield, the review says nothing about dUC, UF, PEG, IA, MF: scored 0, not guessed.');
    expect(advice.notes.some((n) => n.startsWith('On vesicle function, the review adds: “small differences in different isolation'))).toBe(true);
  });

  it('does not score a low purity or yield requirement, and ranks everything equal without needs', () => {
    const low = realAtlas().adviseMethods({ purity: 'low' });
    expect(low.ranking.every((m) => m.score === 0 && m.unknown.length === 0)).toBe(true);
    expect(low.notes[0]).toBe('purity=low is not scored: a low purity requirement does not tell the methods apart.');
    const none = realAtlas().adviseMethods({});
    expect(none.ranking.map((m) => m.method)).toEqual(['dUC', 'SEC', 'UF', 'PEG', 'IA', 'MF']);
    expect(none.notes[0]).toMatch(/^No needs were given/);
  });

  it('is a pure function of the methods and the needs', () => {
    const advice = adviseMethods({ isolationMethods: realAtlas().kb.isolationMethods }, parseNeeds({ speed: 'high' }));
    expect(advice.ranking[0]).toMatchObject({ method: 'IA', rank: 1, score: 1 });
    expect(advice.notes.some((n) => n.includes('Manufacturing'))).toBe(false);
  });
});

describe('isolation-method advisor: impossible input', () => {
  const fails = (raw: Record<string, string | string[]>) => thrown(() => realAtlas().adviseMethods(raw));

  it('refuses an impossible value, a contradiction and an unknown need with EXO_ERR_ADVISOR_INPUT naming the field', () => {
    expect(fails({ volume: 'huge' })).toMatchObject({ code: 'EXO_ERR_ADVISOR_INPUT', message: "volume must be small or large (got 'huge')", context: { field: 'volume' } });
    expect(fails({ purity: ['high', 'low'] })).toMatchObject({ code: 'EXO_ERR_ADVISOR_INPUT', message: 'purity cannot be both high and low', context: { field: 'purity' } });
    expect(fails({ colour: 'red' })).toMatchObject({ code: 'EXO_ERR_ADVISOR_INPUT', context: { field: 'colour' } });
    expect(fails({ colour: 'red' }).message).toMatch(/^unknown need 'colour'; known needs: volume, purity, yield, cost, scalability, speed, function, reproducibility, equipment/);
  });

  it('refuses bad equipment and bad weights', () => {
    expect(fails({ equipment: 'ultracentrifuge,centrifuge' })).toMatchObject({ context: { field: 'equipment' }, message: expect.stringContaining("unknown equipment 'centrifuge'") });
    expect(fails({ equipment: 'none,antibodies' }).context?.field).toBe('equipment');
    expect(fails({ purity: 'high', 'weight.purity': '0' }).context?.field).toBe('weight.purity');
    expect(fails({ purity: 'high', 'weight.purity': 'lots' }).context?.field).toBe('weight.purity');
    expect(fails({ purity: 'high', 'weight.purity': '11' }).context?.field).toBe('weight.purity');
    expect(fails({ 'weight.speed': '2' }).message).toContain('weight.speed is given but speed is not');
    expect(fails({ 'weight.size': '2' }).message).toContain("cannot weigh unknown need 'size'");
  });

  it('accepts repeated identical values, mixed case and nothing at hand', () => {
    expect(parseNeeds({ purity: ['High', 'high'], equipment: ['none'] })).toEqual({ purity: 'high', equipment: [], weights: {} });
    const advice = realAtlas().adviseMethods({ equipment: 'none' });
    expect(advice.ranking.every((m) => m.score === -1)).toBe(true);
  });
});
