import { NEED_VALUES, type Advice, type RawNeeds } from '@exoatlas/atlas';
import { ExoError, type IsolationMethod } from '@exoatlas/schema';
import { ATLAS_OPTIONS, parseCommandArgs } from '../args.js';
import type { CommandIO } from '../command-io.js';
import { openAtlas } from '../context.js';

const USAGE = `Usage: exoatlas methods [--json]
       exoatlas methods --advise [--volume small|large] [--purity high|low] [--yield high|low] [--cost low]
                        [--scalability high] [--speed high] [--function preserved] [--reproducibility high]
                        [--equipment ultracentrifuge,chromatography,membrane-filters,polymers,antibodies,microfluidics|none]
                        [--weight NEED=W …] [--json]
  The six extracellular-vesicle isolation methods the review compares, or (with --advise or any need) the methods
  ranked for your needs: every reason quoted from the review, and where it says nothing, "no basis" rather than a
  guess. Scoring: docs/advisor.md.
`;

const NEED_OPTIONS = Object.fromEntries(Object.keys(NEED_VALUES).map((need) => [need, { type: 'string', multiple: true }])) as Record<keyof typeof NEED_VALUES, { type: 'string'; multiple: true }>;

/** `exoatlas methods [--advise …]`: the isolation methods, or their ranking for a user's needs. */
export async function methodsCommand(args: string[], io: CommandIO): Promise<number> {
  const { values } = parseCommandArgs(
    'methods',
    args,
    { ...ATLAS_OPTIONS, advise: { type: 'boolean', default: false }, ...NEED_OPTIONS, equipment: { type: 'string', multiple: true }, weight: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } },
    false,
  );
  if (values.help) return (io.stdout(USAGE), 0);
  const raw: RawNeeds = {};
  for (const need of [...Object.keys(NEED_VALUES), 'equipment'] as const) {
    const given = (values as Record<string, unknown>)[need] as string[] | undefined;
    if (given) raw[need] = given;
  }
  for (const w of values.weight ?? []) {
    const m = /^([a-z]+)=(.*)$/.exec(w.trim());
    if (!m) throw new ExoError('EXO_ERR_ADVISOR_INPUT', `--weight takes NEED=WEIGHT, e.g. --weight purity=2 (got '${w}')`, { field: 'weight' });
    raw[`weight.${m[1]}`] = [...((raw[`weight.${m[1]}`] as string[] | undefined) ?? []), m[2]!];
  }
  const isAdvice = values.advise || Object.keys(raw).length > 0;
  const { atlas, stores } = await openAtlas(io, values);
  try {
    if (isAdvice) {
      const advice = atlas.adviseMethods(raw);
      io.stdout(values.json ? JSON.stringify(advice, null, 2) + '\n' : adviceText(advice));
    } else {
      const methods = atlas.kb.isolationMethods;
      io.stdout(values.json ? JSON.stringify({ items: methods }, null, 2) + '\n' : methods.map(methodText).join('\n'));
    }
    return 0;
  } finally {
    await stores.close();
  }
}

function methodText(m: IsolationMethod): string {
  const lines = [`${m.abbr} — ${m.name} [${m.referenceNumbers.join(', ')}]`, `  ${m.principle.replace(/\s+/g, ' ')}`];
  for (const a of m.advantages) lines.push(`  + ${a.text}${a.dimension ? ` (${a.dimension})` : ''}`);
  for (const d of m.disadvantages) lines.push(`  − ${d.text}${d.dimension ? ` (${d.dimension})` : ''}`);
  for (const c of m.combinations) lines.push(`  ↔ ${c.with}: ${c.text}`);
  return lines.join('\n') + '\n';
}

function adviceText(advice: Advice): string {
  const asked = Object.entries(advice.needs).map(([need, v]) => `${need}=${Array.isArray(v!.value) ? v!.value.join(',') || 'none' : v!.value}${v!.weight !== 1 ? ` (×${v!.weight})` : ''}`);
  const lines = [`Isolation methods ranked for ${asked.length ? asked.join(', ') : 'no particular needs'}`, ''];
  for (const m of advice.ranking) {
    lines.push(`${String(m.rank).padStart(2)}. ${m.method.padEnd(4)} ${m.name}  (score ${m.score > 0 ? '+' : ''}${m.score})`);
    for (const r of m.reasons) {
      lines.push(`      ${r.effect === 'favours' ? '+' : '−'} ${r.need}: ${r.statement}`);
      lines.push(`          “${r.quote}” (§ ${r.section}${r.referenceNumbers.length ? ` [${r.referenceNumbers.join(', ')}]` : ''})`);
    }
    if (m.unknown.length) lines.push(`      ? no basis in the review for: ${m.unknown.join(', ')}`);
  }
  if (advice.combinations.length) {
    lines.push('', 'Combinations the review mentions');
    for (const c of advice.combinations) lines.push(`  ${c.methods.join(' + ')}: “${c.quote}”${c.favours.length ? ` — favours ${c.favours.join(', ')}` : ''}`);
  }
  if (advice.notes.length) lines.push('', 'Notes', ...advice.notes.map((n) => `  - ${n}`));
  return lines.join('\n') + '\n';
}
