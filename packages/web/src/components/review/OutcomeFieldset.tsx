/** One outcome at one time point in the extraction form: what was measured, how, its groups and the supporting quote. */
import { emptyGroup, type GroupDraft, type OutcomeDraft } from './extraction-draft';
import { ChoiceInput, TextInput, type FieldContext } from './FormFields';
import { OutcomeGroupsTable } from './OutcomeGroupsTable';

export function OutcomeFieldset({
  outcome: o,
  index: i,
  ctx,
  onChange: setO,
  onChangeGroup,
  onRemove,
}: {
  outcome: OutcomeDraft;
  index: number;
  ctx: FieldContext;
  onChange: (patch: Partial<OutcomeDraft>) => void;
  onChangeGroup: (gi: number, patch: Partial<GroupDraft>) => void;
  onRemove: () => void;
}) {
  return (
    <fieldset className="form-section">
      <legend>
        Outcome {i + 1}
        {o.outcome ? `: ${o.outcome}` : ''}
        {o.timePoint ? ` at ${o.timePoint}` : ''}
      </legend>
      <div className="field-grid">
        <TextInput label="Outcome key (kebab-case)" path={`outcomes[${i}].outcome`} value={o.outcome} onChange={(v) => setO({ outcome: v })} ctx={ctx} />
        <TextInput label="Outcome label" path={`outcomes[${i}].label`} value={o.label} onChange={(v) => setO({ label: v })} ctx={ctx} />
        <TextInput label="Time point" path={`outcomes[${i}].timePoint`} value={o.timePoint} onChange={(v) => setO({ timePoint: v })} ctx={ctx} />
        <TextInput label="Time point in days" path={`outcomes[${i}].days`} value={o.days} onChange={(v) => setO({ days: v })} ctx={ctx} numeric />
        <ChoiceInput label="Kind" path={`outcomes[${i}].kind`} value={o.kind} options={['continuous', 'dichotomous']} onChange={(v) => setO({ kind: v })} ctx={ctx} />
        <TextInput label="Unit" path={`outcomes[${i}].unit`} value={o.unit} onChange={(v) => setO({ unit: v })} ctx={ctx} />
        <ChoiceInput label="Direction" path={`outcomes[${i}].direction`} value={o.direction} options={['higher-is-better', 'lower-is-better']} onChange={(v) => setO({ direction: v })} ctx={ctx} />
      </div>
      <OutcomeGroupsTable outcome={o} index={i} ctx={ctx} onChange={setO} onChangeGroup={onChangeGroup} />
      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={() => setO({ groups: [...o.groups, emptyGroup(`arm${o.groups.length}`, 'treatment')] })}>
          Add a group to outcome {i + 1}
        </button>
        <button type="button" className="button button-secondary" onClick={onRemove}>
          Remove outcome {i + 1}
        </button>
      </div>
      <TextInput label="Supporting quote" path={`outcomes[${i}].quote`} value={o.quote} onChange={(v) => setO({ quote: v })} ctx={ctx} wide />
    </fieldset>
  );
}
