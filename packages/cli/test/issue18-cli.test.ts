import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliBin, tempDir } from '../../../test/helpers/paths.js';

const tmp = tempDir('exoatlas-cli-issue18-');
afterAll(() => tmp.cleanup());
const db = join(tmp.dir, 'atlas.sqlite');

/** Runs the real bundled `exoatlas` binary. */
function exoatlas(args: string[]) {
  const r = spawnSync(process.execPath, [cliBin, ...args], { encoding: 'utf8', env: { ...process.env, EXOATLAS_DB: db } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const studyIds = (args: string[]): string[] => {
  const r = exoatlas(['studies', ...args, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { items: { id: string }[] }).items.map((s) => s.id).sort();
};

describe('exoatlas studies: cell source and comparator (issue 18 item 4)', () => {
  it('issue 18 item 4: --cell-source lists the studies of those vesicles, --comparator those compared with them', { timeout: 180_000 }, () => {
    // Wound healing × MSC: the two MSC vesicle studies, not the iMSC and iPSC studies that used MSC exosomes as comparator.
    expect(studyIds(['--area', 'wound-healing', '--cell-source', 'MSC', '--vesicle', 'exosome'])).toEqual(['bailey-2022-diabetic-wound-meta-analysis', 'ref59-61-erk-skin-cells']);
    expect(studyIds(['--area', 'wound-healing', '--comparator', 'MSC'])).toEqual(['kim-2018-imsc-keratinocyte-proliferation', 'kobayashi-2018-diabetic-wound']);
    expect(studyIds(['--cell-source', 'iMSC', '--vesicle', 'cell'])).toEqual(['bloor-2020-imsc-gvhd-phase-1', 'giuliani-2011-imsc-nk-cells']);
    const bad = exoatlas(['studies', '--comparator', 'liver']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown comparator 'liver'/);
  });
});
