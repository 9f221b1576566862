import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Conflict, Decision, RecordView } from '../src/api/review';
import { ResolutionForm } from '../src/pages/review/ConflictsPage';

const decision = (reviewerId: number, d: Decision['decision'], reason?: string): Decision => ({ id: reviewerId, projectId: 'p', recordId: 7, stage: 'full-text', reviewerId, reviewer: `r${reviewerId}`, decision: d, reason, version: 1, createdAt: '' });
const conflict = (kind: Conflict['kind'], decisions: Decision[]): Conflict => ({ recordId: 7, stage: 'full-text', decisions, kind, record: {} as RecordView });
const render = (c: Conflict, me: { id: number } | null) => renderToStaticMarkup(<ResolutionForm project="p" stage="full-text" conflict={c} me={me} reasons={['Language', 'Wrong outcome']} onDone={() => undefined} />);
const radio = (html: string, label: string) => html.match(new RegExp(`<input[^>]*/> ${label}`))?.[0] ?? '';

describe('issue 18 item 8: the conflicts form never preselects an option the user cannot use', () => {
  const split = conflict('disagreement', [decision(1, 'include'), decision(2, 'exclude', 'Language')]);

  it('a reviewer who screened the record: "third reviewer" is neither checked nor selectable; discussion is', () => {
    const html = render(split, { id: 2 });
    expect(radio(html, 'By a third reviewer')).toContain('disabled');
    expect(radio(html, 'By a third reviewer')).not.toContain('checked');
    expect(radio(html, 'By discussion')).toContain('checked');
    expect(html).toContain('not you: you screened this record');
  });

  it('someone who did not screen it gets "third reviewer" preselected; unknown user: discussion', () => {
    expect(radio(render(split, { id: 3 }), 'By a third reviewer')).toContain('checked');
    expect(radio(render(split, null), 'By a third reviewer')).not.toContain('checked');
    expect(radio(render(split, null), 'By discussion')).toContain('checked');
  });

  it('a conflict over the exclusion reason starts at "exclude" and asks for the reason that counts', () => {
    const html = render(conflict('reason', [decision(1, 'exclude', 'Language'), decision(2, 'exclude', 'Wrong outcome')]), { id: 3 });
    expect(radio(html, 'Exclude')).toContain('checked');
    expect(html).toContain('Choose the reason that counts');
    expect(html).toMatch(/<select[^>]*required/);
  });
});
