/** An outcome's groups as a table: one row per arm, with its n and either mean, SD, SEM or events. */
import type { GroupDraft, OutcomeDraft } from './extraction-draft';
import { CellInput, CellSelect, type FieldContext } from './FormFields';

export function OutcomeGroupsTable({
  outcome: o,
  index: i,
  ctx,
  onChange,
  onChangeGroup: setG,
}: {
  outcome: OutcomeDraft;
  index: number;
  ctx: FieldContext;
  onChange: (patch: Partial<OutcomeDraft>) => void;
  onChangeGroup: (gi: number, patch: Partial<GroupDraft>) => void;
}) {
  return (
    <div className="table-wrap" role="region" aria-label={`Groups of outcome ${i + 1}`} tabIndex={0}>
      <table className="data-table group-table">
        <caption>
          Groups of outcome {i + 1}: {o.kind === 'continuous' ? 'mean, SD or SEM, n' : 'events and totals (n)'}; several arms may share a control
        </caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col">Id</th>
            <th scope="col">Role</th>
            <th scope="col">Its control</th>
            <th scope="col">n</th>
            {o.kind === 'continuous' ? (
              <>
                <th scope="col">Mean</th>
                <th scope="col">SD</th>
                <th scope="col">SEM</th>
              </>
            ) : (
              <th scope="col">Events</th>
            )}
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {o.groups.map((g, gi) => {
            const p = `outcomes[${i}].groups[${gi}]`;
            const name = `outcome ${i + 1}, group ${gi + 1}`;
            return (
              <tr key={gi}>
                <th scope="row">{gi + 1}</th>
                <td>
                  <CellInput label={`Id (${name})`} path={`${p}.id`} value={g.id} onChange={(v) => setG(gi, { id: v })} ctx={ctx} />
                </td>
                <td>
                  <CellSelect label={`Role (${name})`} path={`${p}.role`} value={g.role} options={['treatment', 'control', 'sham']} onChange={(v) => setG(gi, { role: v })} ctx={ctx} />
                </td>
                <td>
                  {g.role === 'treatment' ? (
                    <CellSelect label={`Control of ${name}`} path={`${p}.control`} value={g.control} options={o.groups.filter((x) => x.role === 'control').map((x) => x.id)} onChange={(v) => setG(gi, { control: v })} ctx={ctx} empty="The only control" />
                  ) : (
                    '–'
                  )}
                </td>
                <td>
                  <CellInput label={`n (${name})`} path={`${p}.n`} value={g.n} onChange={(v) => setG(gi, { n: v })} ctx={ctx} numeric />
                </td>
                {o.kind === 'continuous' ? (
                  <>
                    <td>
                      <CellInput label={`Mean (${name})`} path={`${p}.mean`} value={g.mean} onChange={(v) => setG(gi, { mean: v })} ctx={ctx} numeric />
                    </td>
                    <td>
                      <CellInput label={`SD (${name})`} path={`${p}.sd`} value={g.sd} onChange={(v) => setG(gi, { sd: v })} ctx={ctx} numeric />
                    </td>
                    <td>
                      <CellInput label={`SEM (${name})`} path={`${p}.sem`} value={g.sem} onChange={(v) => setG(gi, { sem: v })} ctx={ctx} numeric />
                    </td>
                  </>
                ) : (
                  <td>
                    <CellInput label={`Events (${name})`} path={`${p}.events`} value={g.events} onChange={(v) => setG(gi, { events: v })} ctx={ctx} numeric />
                  </td>
                )}
                <td>
                  <button type="button" className="button button-secondary button-small" disabled={o.groups.length <= 2} onClick={() => onChange({ groups: o.groups.filter((_, k) => k !== gi) })}>
                    Remove<span className="visually-hidden"> {name}</span>
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
