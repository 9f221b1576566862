import type { LinkedStudy } from '@exoatlas/atlas';
import type { Reference } from '@exoatlas/schema';

/** A study as readable terminal text: every field, its quotes with their section, and the references it cites. */
export function studyText(s: LinkedStudy, references: readonly Reference[]): string {
  const lines: string[] = [];
  const field = (label: string, value: string | undefined): void => {
    if (value) lines.push(`${label.padEnd(14)} ${value}`);
  };
  lines.push(s.title, '='.repeat(Math.min(s.title.length, 100)));
  field('id', s.id);
  const o = s.origin;
  if (o.kind === 'project') {
    // issue 18 item 2: a project's study says so, and nothing of it is shown as what the review says
    field('origin', `living-review project ${o.projectId}${o.projectName ? ` (${o.projectName})` : ''}${o.version !== undefined ? `, publication v${o.version}` : ''}`);
    field('question', o.question);
    field('reviewers', o.reviewers?.join(', '));
    field('consensus', o.consensusAt);
    field('source record', [o.record?.id !== undefined ? `#${o.record.id}` : undefined, o.record?.title, o.record?.doi ? `doi:${o.record.doi}` : undefined, o.record?.pmid ? `PMID ${o.record.pmid}` : undefined].filter(Boolean).join(' — '));
    field('synthesis', o.synthesisId !== undefined ? String(o.synthesisId) : undefined);
    field('published', o.publishedAt);
  } else {
    field('origin', 'the review (Zhou et al. 2023)');
    field('Table 1', s.inTable1 ? `row ${s.table1Row}` : 'no (discussed in the text)');
  }
  field('disease area', s.diseaseArea);
  field('disease type', s.diseaseType);
  field('condition', s.condition);
  field('model', s.model);
  field('species', s.species.join(', '));
  field('setting', s.setting.join(', '));
  field('cell source', [s.cellSource, s.cellSourceDetail].filter(Boolean).join(' — '));
  for (const c of s.comparisons) field('comparison', `${c.result} to ${c.comparator}: ${c.summary}`);
  field('outcome', s.outcome);
  field('mechanism', s.mechanism);
  field('entities', s.linkedEntities.join(', '));
  field('references', s.referenceNumbers.map((n) => `[${n}]`).join(' '));
  if (o.kind === 'project' && o.note) lines.push('', `From the project: ${o.note}`);
  if (s.provenance.length > 0) lines.push('', 'Provenance');
  for (const p of s.provenance) lines.push(`  § ${p.section}: “${p.quote}”${p.referenceNumbers.length ? ` [${p.referenceNumbers.join(', ')}]` : ''}`);
  for (const c of s.corrections ?? []) lines.push('', `Correction (${c.field}): printed “${c.asPrinted}” → ${c.reading}. ${c.note}`);
  if (s.curationNote) lines.push('', `Curation note: ${s.curationNote}`);
  if (references.length) {
    lines.push('', 'References');
    for (const r of references) lines.push(`  [${r.reviewNumber}] ${r.printed}`);
  }
  return lines.join('\n') + '\n';
}
