import { strict as assert } from 'node:assert';
import { lintDocx, type LintResult } from '../src/engine';
import { DocumentReadError } from '../src/docmodel';
import { fixAllDocx } from '../src/hosts/docx';
import { buildSeedDocx, seedSpec, setApplicationsValue, setRowLabel, SEED_IDS, withFeeStatement, type SeedId } from './support/fixtures';
import { renderDocx } from './support/fixtures/docx-writer';
import { renderHtml } from './support/fixtures/html-writer';

/** Published web pages as input (issue 14): the same findings as the same report as .docx, nothing fixable. */

const OPTIONS = { currentYear: 2026 };
const findings = (r: LintResult) => r.diagnostics.map((d) => `${d.rule} ${d.severity} ${d.table} ${d.row ?? ''} ${d.column ?? ''}`);

describe('web pages (.html) as input', () => {
  for (const id of SEED_IDS as readonly SeedId[]) {
    it(`seed ${id} as a GBK page gives the findings of the .docx`, async () => {
      const docx = lintDocx(await buildSeedDocx(id), OPTIONS);
      const page = lintDocx(renderHtml(withFeeStatement(seedSpec(id))), OPTIONS);
      assert.equal(page.document.format, 'html');
      assert.equal(page.template, docx.template);
      assert.deepEqual(page.year, docx.year);
      assert.deepEqual(findings(page), findings(docx));
    });
  }

  it('defects in a page are found as in the .docx (UTF-8 and undeclared GBK alike), and nothing claims to be fixable', async () => {
    const spec = setRowLabel(setApplicationsValue(seedSpec('002'), '2.重复申请', '科研机构', ''), '1.属于国家秘密', '1.属于国家机密');
    const docx = lintDocx(await renderDocx(spec), OPTIONS);
    assert.ok(docx.diagnostics.length >= 2);
    for (const bytes of [renderHtml(spec, { charset: 'utf-8' }), renderHtml(spec, { charset: 'gb2312', declare: false })]) {
      const page = lintDocx(bytes, OPTIONS);
      assert.deepEqual(findings(page), findings(docx));
      assert.ok(page.diagnostics.every((d) => d.fix === null));
    }
  });

  it('fix refuses a page with a message saying it can only be checked', () => {
    assert.throws(() => fixAllDocx(renderHtml(seedSpec('004')), OPTIONS), (e: unknown) => e instanceof DocumentReadError && /网页/.test(e.message) && /不能自动修复/.test(e.message));
  });

  it('a page that is not a report is read and has no findings', () => {
    const page = new TextEncoder().encode('<!DOCTYPE html><html><body><p>通知公告</p><table><tr><td>a</td><td>b</td></tr></table></body></html>');
    const result = lintDocx(page, OPTIONS);
    assert.equal(result.isReport, false);
    assert.deepEqual(result.diagnostics, []);
  });
});
