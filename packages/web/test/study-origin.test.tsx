import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ProjectOrigin } from '../src/components/ProjectOrigin';
import { StudyTable, sourceLabel } from '../src/components/StudyTable';
import { study } from './fixtures';

const fromProject = study('project-wound-1', {
  title: 'Exosomes from iPSC-derived MSCs accelerate cutaneous wound healing in rats',
  referenceNumbers: [],
  provenance: [],
  origin: {
    kind: 'project',
    projectId: 'wound',
    projectName: 'iMSC exosomes in wound healing',
    question: 'Do iMSC exosomes speed skin wound healing?',
    reviewers: ['alice', 'bob'],
    consensusAt: '2026-03-02T10:00:00.000Z',
    record: { id: 1, title: 'Exosomes from iPSC-derived MSCs accelerate cutaneous wound healing in rats', doi: '10.5555/fixture.zhang-2015', pmid: '123456' },
    synthesisId: 4,
    version: 2,
    publishedAt: '2026-03-03T09:00:00.000Z',
  },
});

describe('issue 18 item 2: where a study comes from', () => {
  it('the study list says "Project: …" for a published study, never "Table 1" or review text', () => {
    expect(sourceLabel(fromProject)).toBe('Project: iMSC exosomes in wound healing');
    expect(sourceLabel(study('a', { inTable1: true, table1Row: 3 }))).toBe('Table 1, row 3');
    expect(sourceLabel(study('b'))).toBe('Review text');
    const html = renderToStaticMarkup(<StudyTable studies={[fromProject]} sort="title" isDescending={false} onSort={() => {}} caption="Studies" />);
    expect(html).toContain('Project: iMSC exosomes in wound healing');
    expect(html).not.toMatch(/>text</);
  });

  it("the study page's origin section names the project, question, reviewers, consensus, source record and synthesis — not the review", () => {
    if (fromProject.origin.kind !== 'project') throw new Error('fixture');
    const html = renderToStaticMarkup(<ProjectOrigin origin={fromProject.origin} />);
    expect(html).toContain('Where this study comes from');
    expect(html).not.toContain('What the review says');
    expect(html).toContain('Do iMSC exosomes speed skin wound healing?');
    expect(html).toContain('alice, bob');
    expect(html).toContain('Reached 2026-03-02');
    expect(html).toContain('href="https://doi.org/10.5555/fixture.zhang-2015"');
    expect(html).toContain('https://pubmed.ncbi.nlm.nih.gov/123456/');
    expect(html).toContain('Saved synthesis 4, publication version 2');
  });
});
