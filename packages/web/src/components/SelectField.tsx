import { useId } from 'react';

export interface SelectOption {
  value: string;
  label: string;
  count?: number;
}

export interface OptionGroup {
  label: string;
  options: SelectOption[];
}

/** A labelled select; the empty value means "any". */
export function SelectField({
  label,
  value,
  options,
  groups,
  onChange,
  anyLabel = 'Any',
  name,
}: {
  label: string;
  value: string;
  options?: SelectOption[];
  groups?: OptionGroup[];
  onChange: (value: string) => void;
  anyLabel?: string;
  name?: string;
}) {
  const id = useId();
  const render = (o: SelectOption) => (
    <option key={o.value} value={o.value}>
      {o.label}
      {o.count !== undefined ? ` (${o.count})` : ''}
    </option>
  );
  const known = [...(options ?? []), ...(groups ?? []).flatMap((g) => g.options)].some((o) => o.value === value);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{anyLabel}</option>
        {value !== '' && !known && <option value={value}>{value}</option>}
        {options?.map(render)}
        {groups?.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map(render)}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
