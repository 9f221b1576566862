/** The extraction form's first section: the animal model, the cells and their vesicles, the dose and the comparator. */
import type { ExtractionSchema } from '../../api/review';
import { enumOf, type CharacteristicsDraft } from './extraction-draft';
import { ChoiceInput, FieldMessage, TextInput, useFieldError, type FieldContext } from './FormFields';

export function StudyCharacteristicsFieldset({
  characteristics: c,
  schema,
  onChange: setC,
  ctx,
}: {
  characteristics: CharacteristicsDraft;
  schema: ExtractionSchema;
  onChange: (k: keyof CharacteristicsDraft, v: string | string[]) => void;
  ctx: FieldContext;
}) {
  // the choices come from the server's JSON schema, so the form offers what it accepts
  const cs = schema.jsonSchema.extraction.properties?.characteristics?.properties ?? {};
  return (
    <fieldset className="form-section">
      <legend>Study characteristics</legend>
      <div className="field-grid">
        <ChoiceInput label="Species" path="characteristics.species" value={c.species} options={enumOf(cs.species)} onChange={(v) => setC('species', v)} ctx={ctx} />
        <TextInput label="Strain" path="characteristics.strain" value={c.strain} onChange={(v) => setC('strain', v)} ctx={ctx} />
        <ChoiceInput label="Sex" path="characteristics.sex" value={c.sex} options={enumOf(cs.sex)} onChange={(v) => setC('sex', v)} ctx={ctx} />
        <ChoiceInput label="Disease area" path="characteristics.diseaseArea" value={c.diseaseArea} options={enumOf(cs.diseaseArea)} onChange={(v) => setC('diseaseArea', v)} ctx={ctx} emptyLabel="Not given" />
        <TextInput label="Disease model" path="characteristics.diseaseModel" value={c.diseaseModel} onChange={(v) => setC('diseaseModel', v)} ctx={ctx} />
        <TextInput label="Induction of the model" path="characteristics.induction" value={c.induction} onChange={(v) => setC('induction', v)} ctx={ctx} />
        <ChoiceInput label="Cell source" path="characteristics.cellSource" value={c.cellSource} options={enumOf(cs.cellSource)} onChange={(v) => setC('cellSource', v)} ctx={ctx} />
        <TextInput label="Cell-source detail" path="characteristics.cellSourceDetail" value={c.cellSourceDetail} onChange={(v) => setC('cellSourceDetail', v)} ctx={ctx} />
        <TextInput label="Dose" path="characteristics.dose.value" value={c.doseValue} onChange={(v) => setC('doseValue', v)} ctx={ctx} numeric />
        <TextInput label="Dose unit" path="characteristics.dose.unit" value={c.doseUnit} onChange={(v) => setC('doseUnit', v)} ctx={ctx} />
        <TextInput label="Route" path="characteristics.route" value={c.route} onChange={(v) => setC('route', v)} ctx={ctx} />
        <TextInput label="Timing" path="characteristics.timing" value={c.timing} onChange={(v) => setC('timing', v)} ctx={ctx} />
        <TextInput label="Comparator" path="characteristics.comparator" value={c.comparator} onChange={(v) => setC('comparator', v)} ctx={ctx} />
      </div>
      <IsolationMethods methods={c.methods} options={schema.isolationMethods} onChange={(m) => setC('methods', m)} ctx={ctx} />
      <TextInput label="Isolation details" path="characteristics.isolation.details" value={c.isolationDetails} onChange={(v) => setC('isolationDetails', v)} ctx={ctx} wide />
    </fieldset>
  );
}

/** The isolation methods as checkboxes: a study may combine several. */
function IsolationMethods({ methods, options, onChange, ctx }: { methods: string[]; options: string[]; onChange: (m: string[]) => void; ctx: FieldContext }) {
  const path = 'characteristics.isolation.methods';
  const err = useFieldError(path, ctx);
  return (
    <fieldset className="choice-group" aria-describedby={err.message ? err.id : undefined}>
      <legend>Isolation methods</legend>
      {options.map((m) => (
        <label key={m} className="choice">
          <input
            type="checkbox"
            checked={methods.includes(m)}
            onChange={(e) => {
              onChange(e.target.checked ? [...methods, m] : methods.filter((x) => x !== m));
              ctx.touch(path);
            }}
          />{' '}
          {m}
        </label>
      ))}
      <FieldMessage id={err.id} message={err.message} />
    </fieldset>
  );
}
