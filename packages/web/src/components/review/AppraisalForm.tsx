/** A study's appraisal as a grid: SYRCLE's risk-of-bias items or the MISEV checklist, a judgement and a quote per item. */
import { useState } from 'react';
import type { ExtractionSchema, FieldIssue } from '../../api/review';
import { KIND_LABELS, MISEV_NOTICE } from './form-kind-labels';
import { issuesByPath, pct } from './ReviewParts';
import type { FormMessageValue } from './FormMessage';
import { SaveState } from './SaveState';
import { saveForm, type FormProps } from './save-form';

type Answer = { value: string; quote: string };

export function AppraisalForm({ project, record, version, data, onSaved, kind, schema, others, consensus }: FormProps & { kind: 'rob' | 'misev'; schema: ExtractionSchema }) {
  const items = kind === 'rob' ? schema.syrcle.map((s) => ({ id: s.id, label: `${s.number}. ${s.label}`, help: s.question })) : schema.misev.items.map((m) => ({ id: m.id, label: m.label, help: `${m.criterion} (applies ${m.appliesWhen})` }));
  const choices = kind === 'rob' ? [['yes', 'Yes (low risk)'], ['no', 'No (high risk)'], ['unclear', 'Unclear']] : [['yes', 'Yes (reported)'], ['no', 'No (not reported)'], ['na', 'Not applicable']];
  const field = kind === 'rob' ? 'judgement' : 'answer';
  const [answers, setAnswers] = useState<Record<string, Answer>>(() => {
    const saved = ((data as { items?: Record<string, Record<string, string>> } | undefined)?.items ?? {}) as Record<string, Record<string, string>>;
    return Object.fromEntries(items.map((it) => [it.id, { value: saved[it.id]?.[field] ?? '', quote: saved[it.id]?.quote ?? '' }]));
  });
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<FormMessageValue | null>(null);
  const [stale, setStale] = useState(false);
  const [loadedVersion, setLoadedVersion] = useState(version);
  const issueMap = issuesByPath(issues);
  const submit = async (): Promise<void> => {
    setSaving(true);
    setMessage(null);
    setStale(false);
    const payload = { items: Object.fromEntries(items.map((it) => [it.id, { [field]: answers[it.id]!.value || undefined, ...(answers[it.id]!.quote.trim() ? { quote: answers[it.id]!.quote.trim() } : {}) }])) };
    const r = await saveForm(project, record, kind, payload, loadedVersion, consensus);
    setSaving(false);
    if (r.ok) {
      setIssues([]);
      setLoadedVersion(r.version);
      setMessage({ text: `Saved: version ${r.version}${consensus ? ' of the consensus form' : ''}.`, isError: false });
      onSaved();
    } else {
      setIssues(r.fields);
      setStale(r.stale);
      setMessage({ text: r.text, isError: true });
    }
  };
  return (
    <form
      className="appraisal-form"
      aria-label={consensus ? `Consensus: ${KIND_LABELS[kind]}` : KIND_LABELS[kind]}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {kind === 'misev' ? (
        <p className="notice notice-info">
          <strong>{MISEV_NOTICE}.</strong> {schema.misev.label}. The score is the share of applicable items reported; it must not be compared with EV-METRIC.
          {others.score ? ` Current score: ${others.score.reported} of ${others.score.applicable} applicable items (${pct(others.score.score)}).` : ''}
        </p>
      ) : (
        <p className="lead">SYRCLE's risk-of-bias tool for animal studies (Hooijmans et al. 2014): judge each item, with the quote from the paper that supports a yes or a no.</p>
      )}
      <div className="table-wrap" role="region" aria-label={`${KIND_LABELS[kind]} grid`} tabIndex={0}>
        <table className="data-table appraisal-grid">
          <caption>{KIND_LABELS[kind]}</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Judgement</th>
              <th scope="col">Supporting quote</th>
            </tr>
          </thead>
          <tbody>
            {items.map((it) => {
              const a = answers[it.id]!;
              const valueError = issueMap.get(`items.${it.id}.${field}`) ?? issueMap.get(`items.${it.id}`);
              const quoteError = issueMap.get(`items.${it.id}.quote`);
              return (
                <tr key={it.id}>
                  <th scope="row">
                    {it.label}
                    <div className="hint">{it.help}</div>
                  </th>
                  <td>
                    <fieldset className="choice-group compact" aria-invalid={valueError ? true : undefined}>
                      <legend className="visually-hidden">{it.label}</legend>
                      {choices.map(([v, label]) => (
                        <label key={v} className="choice">
                          <input type="radio" name={`${kind}-${it.id}`} value={v} checked={a.value === v} onChange={() => setAnswers((s) => ({ ...s, [it.id]: { ...a, value: v! } }))} /> {label}
                        </label>
                      ))}
                    </fieldset>
                    {valueError && <p className="field-error">{valueError}</p>}
                  </td>
                  <td>
                    <textarea
                      aria-label={`Supporting quote for ${it.label}`}
                      rows={2}
                      value={a.quote}
                      aria-invalid={quoteError ? true : undefined}
                      onChange={(e) => setAnswers((s) => ({ ...s, [it.id]: { ...a, quote: e.target.value } }))}
                    />
                    {quoteError && <p className="field-error">{quoteError}</p>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <button type="submit" className="button" disabled={saving}>
        Save the {consensus ? 'consensus ' : ''}
        {kind === 'rob' ? 'SYRCLE assessment' : 'MISEV checklist'}
      </button>
      <SaveState saving={saving} message={message} stale={stale} />
    </form>
  );
}
