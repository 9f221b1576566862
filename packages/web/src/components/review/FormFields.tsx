/** The extraction form's inputs, each with its error next to it once touched (or once a save was tried). */
import { useId } from 'react';

/** What every field needs to show its error: the messages by path, and which fields the user has left. */
export interface FieldContext {
  issues: Map<string, string>;
  touched: Set<string>;
  /** after a save was tried every error shows, touched or not */
  showAll: boolean;
  touch: (path: string) => void;
}

/** A field's error, next to it; the input points at it with aria-describedby. */
export function useFieldError(path: string, ctx: FieldContext) {
  const id = useId();
  const message = ctx.showAll || ctx.touched.has(path) ? ctx.issues.get(path) : undefined;
  return { id: `${id}-error`, message, inputProps: { 'aria-invalid': message ? true : undefined, 'aria-describedby': message ? `${id}-error` : undefined } as const };
}

export function FieldMessage({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="field-error">
      {message}
    </p>
  ) : null;
}

export function TextInput({ label, path, value, onChange, ctx, numeric, wide }: { label: string; path: string; value: string; onChange: (v: string) => void; ctx: FieldContext; numeric?: boolean; wide?: boolean }) {
  const inputId = useId();
  const err = useFieldError(path, ctx);
  return (
    <div className={wide ? 'field field-wide' : 'field'}>
      <label htmlFor={inputId}>{label}</label>
      <input id={inputId} type="text" inputMode={numeric ? 'decimal' : undefined} value={value} onChange={(e) => onChange(e.target.value)} onBlur={() => ctx.touch(path)} {...err.inputProps} />
      <FieldMessage id={err.id} message={err.message} />
    </div>
  );
}

export function ChoiceInput({ label, path, value, options, onChange, ctx, emptyLabel = 'Choose…' }: { label: string; path: string; value: string; options: string[]; onChange: (v: string) => void; ctx: FieldContext; emptyLabel?: string }) {
  const inputId = useId();
  const err = useFieldError(path, ctx);
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      <select
        id={inputId}
        value={value}
        onChange={(e) => {
          onChange(e.target.value);
          ctx.touch(path);
        }}
        {...err.inputProps}
      >
        <OptionList empty={emptyLabel} options={options} />
      </select>
      <FieldMessage id={err.id} message={err.message} />
    </div>
  );
}

/** A text input in a table cell: labelled by aria-label, since the column header is its visible label. */
export function CellInput({ label, path, value, onChange, ctx, numeric }: { label: string; path: string; value: string; onChange: (v: string) => void; ctx: FieldContext; numeric?: boolean }) {
  const err = useFieldError(path, ctx);
  return (
    <>
      <input className="cell-input" type="text" aria-label={label} inputMode={numeric ? 'decimal' : undefined} value={value} onChange={(e) => onChange(e.target.value)} onBlur={() => ctx.touch(path)} {...err.inputProps} />
      <FieldMessage id={err.id} message={err.message} />
    </>
  );
}

/** A select in a table cell, labelled like CellInput. */
export function CellSelect({ label, path, value, options, onChange, ctx, empty = 'Choose…' }: { label: string; path: string; value: string; options: string[]; onChange: (v: string) => void; ctx: FieldContext; empty?: string }) {
  const err = useFieldError(path, ctx);
  return (
    <>
      <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)} {...err.inputProps}>
        <OptionList empty={empty} options={options} />
      </select>
      <FieldMessage id={err.id} message={err.message} />
    </>
  );
}

/** A select's options: the empty choice first, then each option as its own label. */
function OptionList({ empty, options }: { empty: string; options: string[] }) {
  return (
    <>
      <option value="">{empty}</option>
      {options.map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </>
  );
}
