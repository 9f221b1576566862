import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ProjectView, StageProgress } from '../src/api/review';
import { StopScreening } from '../src/pages/review/StopScreening';

const stage = (p: Partial<StageProgress> = {}): StageProgress => ({ eligible: 40, included: 3, excluded: 20, excludedByAutomation: 0, conflicts: 1, partial: 2, unscreened: 14, mine: { decided: 26, remaining: 14 }, ...p });
const view = (over: Partial<ProjectView> = {}): ProjectView => ({
  project: { id: 'p', name: 'P', question: '', criteria: {}, mode: 'single', exclusionReasons: { 'title-abstract': [], 'full-text': [] }, createdAt: '' },
  role: 'owner',
  members: [],
  searches: [],
  progress: { 'title-abstract': stage(), 'full-text': stage({ eligible: 3, unscreened: 3 }) },
  ...over,
});
const render = (v: ProjectView) => renderToStaticMarkup(<StopScreening view={v} onDone={() => undefined} />);

describe('StopScreening on the dashboard', () => {
  it('offers the owner to stop, naming how many unscreened records would count as excluded by automation tools', () => {
    const html = render(view());
    expect(html).toContain('aria-label="Stop title and abstract screening"');
    expect(html).toContain('the 14 records nobody has screened will count as excluded by automation tools');
    expect(html).toContain('Why stop now (kept in the audit log)');
  });

  it('offers nothing to a reviewer, or when every record has been screened', () => {
    expect(render(view({ role: 'reviewer' }))).toBe('');
    expect(render(view({ progress: { 'title-abstract': stage({ unscreened: 0 }), 'full-text': stage() } }))).toBe('');
  });

  it('once stopped, says so to everyone; only an owner can resume', () => {
    const owner = render(view({ progress: { 'title-abstract': stage({ unscreened: 0, excluded: 34, excludedByAutomation: 14 }), 'full-text': stage() } }));
    expect(owner).toContain('The 14 records nobody had screened count as excluded by automation tools in the');
    expect(owner).toContain('>Resume screening</button>');
    const viewer = render(view({ role: 'viewer', progress: { 'title-abstract': stage({ unscreened: 0, excluded: 34, excludedByAutomation: 14 }), 'full-text': stage() } }));
    expect(viewer).toContain('Title and abstract screening was stopped.');
    expect(viewer).not.toContain('Resume screening');
  });

  it('after a stop, records from a newer search are screened as usual, and the owner may stop again', () => {
    const html = render(view({ progress: { 'title-abstract': stage({ unscreened: 2, excluded: 34, excludedByAutomation: 14 }), 'full-text': stage() } }));
    expect(html).toContain('2 records came in later (a newer search) and are screened as usual.');
    expect(html).toContain('>Resume screening</button>');
    expect(html).toContain('the 2 records nobody has screened will count as excluded by automation tools');
  });
});
