import { DiseaseArea, type Claim, type Entity, type Study } from '@exoatlas/schema';

/**
 * The disease area of each section and figure legend of the review: its sections 3–8 follow organ systems
 * (3 and Fig. 1 musculoskeletal, 4 and Fig. 2 cardiovascular, 5 and Fig. 3 wound healing, 6 and Fig. 4 neurological
 * with corneal defects, 7 fibrosis of kidney and liver, 8 and Fig. 5 GvHD and immune-mediated fibrosis).
 */
export const SECTION_AREAS: Readonly<Record<string, readonly DiseaseArea[]>> = {
  '3': ['musculoskeletal'],
  'fig-1': ['musculoskeletal'],
  '4': ['cardiovascular'],
  'fig-2': ['cardiovascular'],
  '5': ['wound-healing'],
  'fig-3': ['wound-healing'],
  '6': ['neurological', 'ophthalmic'],
  'fig-4': ['neurological'],
  '7': ['renal', 'hepatic'],
  '8': ['immune'],
  'fig-5': ['immune'],
};

/** Words in entity names that place them in a disease area, used where no study names a disease entity. */
export const KEYWORD_AREAS: readonly { area: DiseaseArea; pattern: RegExp }[] = [
  { area: 'musculoskeletal', pattern: /osteo|bone|cartilag|chondr|joint|femoral|skelet/i },
  { area: 'cardiovascular', pattern: /cardi|myocard|heart|coronary|limb isch/i },
  { area: 'wound-healing', pattern: /wound|keratinocyte/i },
  { area: 'neurological', pattern: /neur|brain|alzheimer|parkinson|rett|cerebr|tau\b/i },
  { area: 'ophthalmic', pattern: /cornea|ocular|\beye/i },
  { area: 'renal', pattern: /kidney|renal|nephr/i },
  { area: 'hepatic', pattern: /liver|hepat|cirrho/i },
  { area: 'immune', pattern: /gvhd|graft.{0,8}host|immun/i },
  { area: 'reproductive', pattern: /ovar|uter|reproduct/i },
];

const ordered = (areas: Iterable<DiseaseArea>): DiseaseArea[] => {
  const set = new Set(areas);
  return DiseaseArea.options.filter((a) => set.has(a));
};

/** Disease areas whose keywords appear in any of the texts. */
export function keywordAreas(texts: readonly string[]): DiseaseArea[] {
  return ordered(KEYWORD_AREAS.filter((k) => texts.some((t) => k.pattern.test(t))).map((k) => k.area));
}

/**
 * For each disease entity, the disease areas of the studies about it: those that list it among their entities or
 * name it in their condition or disease type (`mentionedIn` finds entity names in text).
 */
export function diseaseAreaIndex(studies: readonly Study[], entitiesById: ReadonlyMap<string, Entity>, mentionedIn: (text: string) => string[]): Map<string, DiseaseArea[]> {
  const index = new Map<string, Set<DiseaseArea>>();
  for (const s of studies) {
    for (const id of new Set([...s.entities, ...mentionedIn([s.condition, s.diseaseType ?? ''].join(' \n '))])) {
      if (entitiesById.get(id)?.kind !== 'disease') continue;
      if (!index.has(id)) index.set(id, new Set());
      index.get(id)!.add(s.diseaseArea);
    }
  }
  return new Map([...index].map(([id, areas]) => [id, ordered(areas)]));
}

const intersect = (a: readonly DiseaseArea[], b: readonly DiseaseArea[]): DiseaseArea[] => a.filter((x) => b.includes(x));

/**
 * Returns a function giving the disease areas of a claim:
 * 1. the areas of its diseases (context diseases, and subject or object when they are diseases): from the keyword
 *    table when the disease's names hold one ("renal fibrosis"), else those of the studies about it ("fibrosis");
 * 2. the areas of its section and figure (SECTION_AREAS);
 * 3. both known: their intersection, or both when they do not meet (liver fibrosis in the immune Fig. 5);
 *    only the section known: narrowed by keywords in the names of the claim's entities, else in its quotes, when they
 *    pick some of the section's areas (section 7: kidney or liver; section 6: corneal → ophthalmic, otherwise
 *    neurological).
 */
export function claimAreaResolver(entitiesById: ReadonlyMap<string, Entity>, diseaseIndex: ReadonlyMap<string, readonly DiseaseArea[]>): (claim: Claim) => DiseaseArea[] {
  const names = (id: string): string[] => {
    const e = entitiesById.get(id);
    return e ? [e.id, e.name, ...e.synonyms] : [id];
  };
  const cache = new WeakMap<Claim, DiseaseArea[]>();
  const resolve = (claim: Claim): DiseaseArea[] => {
    const diseaseIds = [...claim.context.diseases, claim.subject, claim.object].filter((id) => claim.context.diseases.includes(id) || entitiesById.get(id)?.kind === 'disease');
    const areasOfDisease = (id: string): readonly DiseaseArea[] => {
      const byName = keywordAreas(names(id));
      return byName.length > 0 ? byName : (diseaseIndex.get(id) ?? []);
    };
    const diseaseAreas = ordered(new Set(diseaseIds.flatMap(areasOfDisease)));
    const sectionAreas = ordered([...(SECTION_AREAS[claim.section] ?? []), ...(claim.figure ? (SECTION_AREAS[`fig-${claim.figure}`] ?? []) : [])]);
    if (diseaseAreas.length > 0) {
      const both = intersect(diseaseAreas, sectionAreas);
      return both.length > 0 ? both : ordered([...diseaseAreas, ...sectionAreas]);
    }
    if (sectionAreas.length <= 1) return sectionAreas;
    const byNames = intersect(sectionAreas, keywordAreas([claim.subject, claim.object, ...claim.context.cellTypes].flatMap(names)));
    if (byNames.length > 0) return byNames;
    const byQuotes = intersect(sectionAreas, keywordAreas(claim.provenance.map((p) => p.quote)));
    if (byQuotes.length > 0) return byQuotes;
    // Section 6 is about neurology unless the claim names the cornea; section 7 covers kidney and liver alike.
    return sectionAreas.includes('neurological') ? ['neurological'] : sectionAreas;
  };
  return (claim) => {
    let areas = cache.get(claim);
    if (!areas) cache.set(claim, (areas = resolve(claim)));
    return areas;
  };
}
