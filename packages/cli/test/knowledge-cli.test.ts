import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipped, testBackends } from '../../../test/helpers/backends.js';
import { cliDatabase, type CliDatabase } from '../../../test/helpers/cli-database.js';
import { cliBin, tempDir } from '../../../test/helpers/paths.js';

// Runs the real bundled binary (build it first: node scripts/build.mjs) against a store in a temporary directory, or
// a fresh PostgreSQL database: every command reads the knowledge base from the store.
const tmp = tempDir('exoatlas-knowledge-cli-');
afterAll(() => tmp.cleanup());

describe.each(await testBackends())('on $name', (backend) => {
  if (skipped(backend)) return;
  let db: CliDatabase;
  beforeAll(async () => {
    db = await cliDatabase(backend.name, tmp.dir, 'atlas');
  });

  function exoatlas(...args: string[]) {
    const r = spawnSync(process.execPath, [cliBin, ...args, ...db.flag], { encoding: 'utf8', env: { ...process.env, EXOATLAS_DB: '', DATABASE_URL: '', COLUMNS: '160' } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }
  const json = (...args: string[]) => {
    const r = exoatlas(...args, '--json');
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout);
  };

  describe('exoatlas entities and entity', () => {
    it('lists entities of a kind with claim and study counts', () => {
      const page = json('entities', '--kind', 'mirna');
      expect(page.items.find((e: { id: string }) => e.id === 'mir-21')).toMatchObject({ claimCount: 10, studyCount: 2 });
      const text = exoatlas('entities', 'PI3K');
      expect(text.code).toBe(0);
      expect(text.stdout).toMatch(/pi3k-akt\s+pathway\s+PI3K\/Akt signalling pathway/);
      expect(text.stdout).toMatch(/\d+ of \d+ entities\n$/);
    });

    it('prints an entity page by synonym, with claims, quotes, studies and references', () => {
      const { code, stdout } = exoatlas('entity', 'MicroRNA-21');
      expect(code).toBe(0);
      expect(stdout).toMatch(/^miR-21 \(mirna\)\n=+\n/);
      expect(stdout).toContain('miR-21 suppresses PTEN · § 4 · MSC · in cardiomyocyte · [50]');
      expect(stdout).toContain('“miR-21 enriched MSCderived exosomes can suppress the expression of PTEN in cardiomyocytes');
      expect(stdout).toContain('wang-2017-mir-21-pten-cardioprotection');
      expect(stdout).toContain('[50] Wang K, Jiang Z, Webster KA');
      expect(json('entity', 'pi3k', 'akt', 'pathway').entity.id).toBe('pi3k-akt');
    });

    it('answers an unknown entity with exit code 3 and a suggestion', () => {
      const { code, stderr } = exoatlas('entity', 'PTNE');
      expect(code).toBe(3);
      expect(stderr).toBe("exoatlas entity: no entity 'PTNE'; did you mean PTEN (pten)?\n");
      expect(exoatlas('entity').code).toBe(2);
    });
  });

  describe('exoatlas claims and graph', () => {
    it('filters claims by entity and figure', () => {
      const { items, total } = json('claims', '--entity', 'miR-21', '--figure', '2');
      expect(total).toBe(5);
      expect(items.every((c: { figure: number }) => c.figure === 2)).toBe(true);
      const text = exoatlas('claims', '--area', 'ophthalmic', '--cell-source', 'iMSC');
      expect(text.stdout).toContain('table1-mir-432-5p-suppresses-tram2');
      // Printed as iMSC; the curators traced Wang et al.'s vesicles to iPSCs (issue 18 item 5): filtered by the correction.
      expect(text.stdout).not.toContain('sec6-imsc-exosome-upregulates-cdk2');
      expect(exoatlas('claims', '--area', 'ophthalmic', '--cell-source', 'iPSC').stdout).toContain('sec6-imsc-exosome-upregulates-cdk2\n  exosome upregulates CDK2 · § 6 · iPSC (printed: iMSC)');
      expect(exoatlas('claims', '--area', 'cardiac').code).toBe(2);
    });

    it('finds the paths from miR-21 to cell survival through Akt', () => {
      const { code, stdout } = exoatlas('graph', '--from', 'miR-21', '--to', 'cell survival');
      expect(code).toBe(0);
      expect(stdout).toContain('1. miR-21 —activates→ Akt signalling pathway —promotes→ cell survival');
      expect(stdout).toContain('2. miR-21 —increases→ Akt signalling pathway —promotes→ cell survival');
      const result = json('graph', '--from', 'mir-21', '--to', 'cell-survival');
      expect(result.paths[0].nodes).toEqual(['mir-21', 'akt', 'cell-survival']);
      const none = exoatlas('graph', '--from', 'cell-survival', '--to', 'mir-21');
      expect(none.code).toBe(3);
      expect(none.stderr).toContain('no path');
    });

    it('prints a neighbourhood as text, JSON, DOT and Cytoscape.js elements', () => {
      const text = exoatlas('graph', '--focus', 'PI3K/Akt');
      expect(text.stdout).toContain('LY294002 —inhibits→ PI3K/Akt signalling pathway');
      expect(text.stdout).toMatch(/Neighbourhood of PI3K\/Akt signalling pathway: 6 nodes, \d+ edges/);
      expect(json('graph', '--focus', 'pi3k-akt', '--depth', '1').nodes).toHaveLength(6);
      const dot = exoatlas('graph', '--figure', '2', '--format', 'dot');
      expect(dot.stdout).toMatch(/^digraph "mechanisms" \{\n/);
      expect(dot.stdout).toContain('"mir-21" -> "pten"');
      const cy = JSON.parse(exoatlas('graph', '--focus', 'pten', '--format', 'cytoscape').stdout);
      expect(cy.elements.nodes.map((n: { data: { id: string } }) => n.data.id)).toEqual(['mir-21', 'pten']);
      expect(exoatlas('graph', '--format', 'png').code).toBe(2);
      expect(exoatlas('graph', '--from', 'mir-21').code).toBe(2);
    });
  });

  describe('exoatlas map', () => {
    it('prints the evidence map with the GvHD gap marked and the head-to-head comparisons', () => {
      const { code, stdout } = exoatlas('map');
      expect(code).toBe(0);
      expect(stdout).toMatch(/^musculoskeletal\s+4\s/m);
      expect(stdout).toMatch(/^immune\s+∅\s/m);
      expect(stdout).toContain('iMSC superior to SM-MSC — musculoskeletal, Osteoarthritis [16] (zhu-2017-osteoarthritis)');
      expect(stdout).toContain('[immune × iMSC] No study has yet been published on the use of iMSC-derived exosomes in GvHD.');
      const map = json('map', '--rows', 'species', '--cols', 'setting');
      expect(map.cols).toEqual(['in-vivo', 'in-vitro', 'human']);
      expect(exoatlas('map', '--rows', 'organ').code).toBe(2);
    });
  });

  describe('exoatlas methods', () => {
    it('lists the six methods', () => {
      expect(json('methods').items.map((m: { abbr: string }) => m.abbr)).toEqual(['dUC', 'SEC', 'UF', 'PEG', 'IA', 'MF']);
      expect(exoatlas('methods').stdout).toContain('PEG — polyethylene glycol-based precipitation [27, 28]');
    });

    it('ranks for high purity with reasons quoted from the review', () => {
      const { code, stdout } = exoatlas('methods', '--advise', '--purity', 'high');
      expect(code).toBe(0);
      expect(stdout).toMatch(/^ 1\. UF\s+ultrafiltration\s+\(score \+1\)$/m);
      expect(stdout).toMatch(/^ 1\. IA\s+immunoaffinity capture\s+\(score \+1\)$/m);
      expect(stdout).toMatch(/^ 5\. PEG\s+polyethylene glycol-based precipitation\s+\(score -1\)$/m);
      expect(stdout).toContain('“UF allows for a purer extraction” (§ 2 [27, 28])');
      expect(stdout).toContain('? no basis in the review for: purity');
      const advice = json('methods', '--volume', 'large', '--scalability', 'high', '--weight', 'scalability=2');
      expect(advice.ranking.map((m: { method: string }) => m.method)).toEqual(['PEG', 'dUC', 'SEC', 'UF', 'MF', 'IA']);
    });

    it('refuses impossible needs with exit code 2', () => {
      const huge = exoatlas('methods', '--advise', '--volume', 'huge');
      expect(huge.code).toBe(2);
      expect(huge.stderr).toBe("exoatlas methods: volume must be small or large (got 'huge')\n");
      expect(exoatlas('methods', '--purity', 'high', '--purity', 'low').stderr).toContain('purity cannot be both high and low');
      expect(exoatlas('methods', '--weight', 'purity').code).toBe(2);
      expect(exoatlas('methods', '--colour', 'red').code).toBe(2);
    });
  });

  describe('exoatlas refs', () => {
    it('prints references as printed, as JSON and in each citation format', () => {
      expect(exoatlas('refs', '16').stdout).toMatch(/^\[16\] Zhu Y, Wang Y, Zhao B, Niu X, Hu B, Li Q, et al\. Comparison of exosomes/);
      expect(json('refs').total).toBe(116);
      expect(exoatlas('refs', '16', '--format', 'vancouver').stdout).toMatch(/^16\. Zhu Y, .*Stem Cell Res Ther\. 2017;8:64\.\n$/);
      expect(exoatlas('refs', '16', '--format', 'bibtex').stdout).toMatch(/^@article\{zhu2017_16,\n/);
      expect(exoatlas('refs', '16', '--format', 'ris').stdout).toMatch(/^TY {2}- JOUR\n/);
      expect(JSON.parse(exoatlas('refs', '16', '--format', 'csl-json').stdout)[0].id).toBe('ref-16');
    });

    it('refuses an unknown format or reference', () => {
      expect(exoatlas('refs', '--format', 'endnote').code).toBe(2);
      expect(exoatlas('refs', '117').code).toBe(3);
    });
  });
});
