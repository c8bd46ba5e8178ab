import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { lintDocx } from '../src/engine';
import { corpusDir } from './support/corpus';

const lint = (name: string) => lintDocx(readFileSync(resolve(corpusDir(), name)), { currentYear: 2026 });
const summary = (name: string) => lint(name).diagnostics.map((d) => `${d.rule} ${d.table} ${d.row ?? ''} ${d.column ?? ''}`.trim());

/**
 * Real published reports. A false alarm on a clean one is a bug; the defects asserted here were
 * confirmed by reading the documents' XML.
 */
describe('real corpus (../shared/corpus/real)', () => {
  before(() => corpusDir());

  it('pingtan-002 (2023) and pingtan-012 (2025) are clean', () => {
    assert.deepEqual(summary('pingtan-002.docx'), []);
    assert.deepEqual(summary('pingtan-012.docx'), []);
  });

  it('pingtan-007 is a 2019 report on the 2019 format: no outdated-template, headings with （有关情况附表） accepted', () => {
    const r = lint('pingtan-007.docx');
    assert.equal(r.template, '2019');
    assert.equal(r.year.year, 2019);
    assert.deepEqual(r.diagnostics.map((d) => `${d.rule} ${d.severity}`), ['not-a-number warning']);
  });

  it('pingtan-001: 规章 row missing, a blank carry-forward cell, a reworded heading 五', () => {
    assert.deepEqual(summary('pingtan-001.docx'), [
      'missing-row active 规章',
      'empty-cell applications 四、结转下年度继续办理 商业企业',
      'section-heading text 五、存在的主要问题及改进情况',
    ]);
  });

  it('pingtan-011: 规范性文件 in a 2021-format table', () => {
    assert.deepEqual(summary('pingtan-011.docx'), ['row-label active 行政规范性文件']);
  });

  it('maps every data row of every table', () => {
    for (const name of ['pingtan-001.docx', 'pingtan-002.docx', 'pingtan-007.docx', 'pingtan-011.docx', 'pingtan-012.docx']) {
      const r = lint(name);
      assert.deepEqual(r.report.tables.map((t) => t.id), ['active', 'applications', 'review'], name);
      for (const t of r.report.tables) assert.equal(t.rows.filter((row) => !row.templateRow).length, 0, `${name} ${t.id}`);
    }
  });
});
