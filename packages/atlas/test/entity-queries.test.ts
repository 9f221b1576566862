import { describe, expect, it } from 'vitest';
import { editDistance, foldName, suggestEntities } from '@exoatlas/atlas';
import { realAtlas, thrown } from './real-atlas.js';

describe('entity pages', () => {
  it('gathers the claims, studies, diseases and references of miR-21 (section 4 [50, 54] and the Fig. 2 legend)', () => {
    const page = realAtlas().entityPage('miR-21');
    expect(page.entity.id).toBe('mir-21');
    // Fig. 2: exosomes contain miR-21, which inhibits H₂O₂, suppresses oxidative stress, inhibits PTEN and increases Akt;
    // section 4: the same through [50] (PTEN, Akt) and [54] (caspase 3/7, oxidative stress).
    expect(page.claims.map((c) => c.id)).toEqual([
      'fig2-exosome-contains-mir-21',
      'fig2-mir-21-inhibits-hydrogen-peroxide',
      'fig2-mir-21-suppresses-oxidative-stress',
      'fig2-mir-21-inhibits-pten',
      'fig2-mir-21-increases-akt',
      'sec4-msc-exosome-contains-mir-21',
      'sec4-mir-21-suppresses-pten',
      'sec4-mir-21-activates-akt',
      'sec4-mir-21-inhibits-caspase-3-7',
      'sec4-mir-21-prevents-oxidative-stress',
    ]);
    expect(page.studies.map((s) => s.id)).toEqual(['wang-2015-ipsc-cardioprotective-mirnas', 'wang-2017-mir-21-pten-cardioprotection']);
    expect(page.studies[1]).toEqual({
      id: 'wang-2017-mir-21-pten-cardioprotection',
      title: expect.stringContaining('miR-21'),
      diseaseArea: 'cardiovascular',
      condition: 'Myocardial ischaemia',
      cellSource: 'EnMSC',
      species: [],
      inTable1: false,
    });
    expect(page.references.map((r) => r.reviewNumber)).toEqual([50, 54]);
    expect(page.diseases.map((d) => d.id)).toEqual(['myocardial-infarction', 'myocardial-ischaemia', 'reperfusion-injury']);
    expect(Object.keys(page.byDiseaseArea)).toEqual(['cardiovascular']);
    expect(page.byDiseaseArea.cardiovascular!.studies).toHaveLength(2);
  });

  it('resolves every synonym to the same entity, ignoring case and punctuation when that is unambiguous', () => {
    const ids = ['pi3k-akt', 'PI3K/Akt', 'PI3/ Akt', 'pi3k-akt pathway', 'PI3/Akt signalling pathway'].map((n) => realAtlas().entityPage(n).entity.id);
    expect(new Set(ids)).toEqual(new Set(['pi3k-akt']));
    expect(realAtlas().entityPage('MicroRNA-21').entity.id).toBe('mir-21');
    expect(realAtlas().entityPage('GvHD').entity.id).toBe('gvhd');
    expect(realAtlas().entityPage('mir21').entity.id).toBe('mir-21');
  });

  it('lists the GvHD studies of section 8 on the GvHD page, all of them adult MSC or cell therapy', () => {
    const page = realAtlas().entityPage('graft versus host disease');
    expect(page.studies.map((s) => s.id)).toEqual(expect.arrayContaining(['kordelas-2014-msc-exosomes-gvhd-first-human', 'lai-2018-msc-exosomes-chronic-gvhd']));
    expect(page.studies.every((s) => s.diseaseArea === 'immune')).toBe(true);
    expect(page.references.map((r) => r.reviewNumber)).toEqual(expect.arrayContaining([100, 101]));
  });

  it('answers an unknown entity with EXO_ERR_NOT_FOUND_ENTITY and suggests close names', () => {
    const e = thrown(() => realAtlas().entityPage('miR-2l'));
    expect(e.code).toBe('EXO_ERR_NOT_FOUND_ENTITY');
    expect(e.message).toMatch(/^no entity 'miR-2l'; did you mean miR-21 \(mir-21\), /);
    expect(e.context?.suggestions).toEqual(['mir-21', 'mir-22']);
    expect(thrown(() => realAtlas().entityPage('PTNE')).message).toBe("no entity 'PTNE'; did you mean PTEN (pten)?");
    expect(thrown(() => realAtlas().entityPage('Alzheimer')).message).toContain("Alzheimer's disease (alzheimers-disease)");
    expect(thrown(() => realAtlas().entityPage('qqqqqqqq')).message).toBe("no entity 'qqqqqqqq'");
  });
});

describe('entity list', () => {
  it('filters by kind and words, with claim and study counts', () => {
    const mirnas = realAtlas().listEntities({ kind: 'mirna' });
    expect(mirnas.items.every((e) => e.kind === 'mirna')).toBe(true);
    const mir21 = mirnas.items.find((e) => e.id === 'mir-21')!;
    expect(mir21).toMatchObject({ claimCount: 10, studyCount: 2 });
    const akt = realAtlas().listEntities({ q: 'akt' });
    expect(akt.items.map((e) => e.id)).toEqual(expect.arrayContaining(['akt', 'pi3k-akt']));
    expect(akt.items[0]!.id).toBe('akt');
    const page = realAtlas().listEntities({}, { limit: 5, offset: 5 });
    expect(page.items).toHaveLength(5);
    expect(page.total).toBe(realAtlas().kb.entities.length);
  });

  it('rejects an unknown kind', () => {
    const e = thrown(() => realAtlas().listEntities({ kind: 'organ' }));
    expect(e.code).toBe('EXO_ERR_QUERY_UNKNOWN_FILTER');
    expect(e.message).toContain('known kinds: mirna, gene');
  });
});

describe('did-you-mean', () => {
  it('folds case and punctuation and measures edit distance', () => {
    expect(foldName('miR-135b')).toBe('mir135b');
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(suggestEntities('PTNE', realAtlas().kb.entities).map((e) => e.id)).toContain('pten');
  });
});
