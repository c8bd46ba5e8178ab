import { strict as assert } from 'node:assert';
import { lintDocx } from '../../src/engine';
import { applyFixToDocx, fixAllDocx } from '../../src/hosts/docx';
import type { Diagnostic } from '../../src/rules';
import { placeText } from '../../src/taskpane/place';
import { buildSeedDocx } from '../support/fixtures';
import {
  DOCX_MIME, browserSuite, currentYear, downloadFrom, dropFile, engineCounts, sampleBytes, screenshot, waitForCounts, waitIdle, type TestPage,
} from '../support/browser/harness';

const SEVERITY = { error: '错误', warning: '警告' } as const;
const placeOf = (d: Diagnostic) => placeText(d);
/** A finding's card: its accessible name is "错误：<place>" / "警告：<place>". */
const card = (page: TestPage, d: Diagnostic) => page.getByRole('listitem', { name: `${SEVERITY[d.severity]}：${placeOf(d)}`, exact: true });

describe('browser: standalone page (headless Chromium)', function () {
  this.timeout(60_000);
  const suite = browserSuite();

  const openSample = async () => {
    const page = await suite.open('taskpane.html?sample=1');
    await page.getByText('当前文件：sample-report.docx').waitFor();
    return page;
  };

  it('?sample=1 opens the sample in standalone mode with the engine’s counts', async () => {
    const p = await openSample();
    const expected = engineCounts(sampleBytes());
    assert.ok(expected.errors + expected.warnings > 0, 'the sample is meant to have findings');
    await waitForCounts(p, expected);
    // Standalone, not Word: the browser-only controls are there.
    await p.getByRole('heading', { name: '政务公开年报检查' }).waitFor();
    await p.getByText('（浏览器版）', { exact: false }).waitFor();
    await p.getByRole('button', { name: '下载空白模板' }).waitFor();
    assert.equal(await p.getByRole('button', { name: '插入模板' }).count(), 0);
    assert.equal(await p.getByTestId('finding').count(), expected.errors + expected.warnings);
    await p.getByRole('button', { name: `全部修复（${expected.fixable}）` }).waitFor();
    await screenshot(p, 'standalone-findings');
    suite.session.assertOnlyLocalTraffic();
  });

  it('clicking a finding shows the table preview with the finding’s cell highlighted', async () => {
    const p = await openSample();
    const lint = lintDocx(sampleBytes(), { currentYear: currentYear() });
    // The first finding on a cell that has text (an empty one is drawn as "（空）").
    const cellText = (d: Diagnostic) => {
      const l = d.location;
      if (!l || !('tableIndex' in l) || l.cellIndex === null) return null;
      const cell = lint.document.tables[l.tableIndex].rows.find((r) => r.rowIndex === l.rowIndex)?.cells.find((c) => c.cellIndex === l.cellIndex);
      return cell && cell.verticalMerge !== 'continue' && cell.text.trim() !== '' ? cell.text : null;
    };
    const target = lint.diagnostics.find((d) => cellText(d) !== null);
    assert.ok(target, 'the sample has a finding on a non-empty cell');
    await waitForCounts(p, engineCounts(sampleBytes()));
    assert.equal(await p.getByTestId('table-preview').count(), 0, 'no preview before a finding is selected');

    const item = card(p, target).first();
    await item.getByTestId('finding-place').click();
    const preview = item.getByTestId('table-preview');
    await preview.waitFor();
    assert.equal(await p.getByTestId('highlighted-cell').count(), 1, 'exactly one highlighted cell');
    assert.equal((await item.getByTestId('highlighted-cell').textContent())?.trim(), cellText(target)!.trim());
    assert.equal(await item.getByTestId('finding-place').getAttribute('aria-expanded'), 'true');
    assert.equal(await preview.getAttribute('aria-label'), `${{ active: '表二', applications: '表三', review: '表四', text: '' }[target.table]} 预览（只读）`);
    assert.ok(await item.getByTestId('highlighted-cell').isVisible(), 'the highlighted cell is scrolled into view');
    // Read-only: nothing in the preview is editable.
    assert.equal(await preview.locator('input, textarea, [contenteditable="true"]').count(), 0);
    await screenshot(p, 'standalone-preview');

    // A cell that is empty in the document is marked as such.
    const empty = lint.diagnostics.find((d) => d.rule === 'empty-cell' && d.location && 'cellIndex' in d.location && d.location.cellIndex !== null);
    if (empty) {
      const emptyCard = card(p, empty).first();
      await emptyCard.getByTestId('finding-place').click();
      assert.equal((await emptyCard.getByTestId('highlighted-cell').textContent())?.trim(), '（空）');
      assert.equal(await p.getByTestId('table-preview').count(), 1, 'one preview at a time');
    }
    suite.session.assertOnlyLocalTraffic();
  });

  it('one fix, then 全部修复, then the downloaded file has no fixable findings', async () => {
    const p = await openSample();
    const original = sampleBytes();
    const options = { currentYear: currentYear() };
    const before = engineCounts(original);
    await waitForCounts(p, before);

    // A fix the engine says removes exactly one finding.
    const total = (c: { errors: number; warnings: number }) => c.errors + c.warnings;
    const candidates = lintDocx(original, options).diagnostics.filter((d) => d.fix);
    const chosen = candidates.map((d) => ({ d, after: applyFixToDocx(original, d.fix!) }))
      .find(({ after }) => after.applied && total(engineCounts(after.bytes)) === total(before) - 1);
    assert.ok(chosen, 'the sample has a fix that removes one finding');
    const afterOne = chosen.after.bytes;
    await card(p, chosen.d).first().getByRole('button', { name: `修复：${placeOf(chosen.d)}`, exact: true }).click();
    await p.getByTestId('fix-result').getByText(chosen.d.fix!.description).waitFor();
    await waitForCounts(p, engineCounts(afterOne));
    const shown = engineCounts(afterOne);
    assert.equal(total(shown), total(before) - 1);

    // Fix all, on the bytes the page now holds.
    const report = fixAllDocx(afterOne, options);
    assert.ok(report.applied.length > 0);
    await p.getByRole('button', { name: `全部修复（${shown.fixable}）` }).click();
    const result = p.getByTestId('fix-all-result');
    await result.waitFor();
    const line = (await result.getByRole('status').textContent()) ?? '';
    assert.match(line, new RegExp(`^已修复 ${report.applied.length} 项`));
    const remaining = report.remaining.diagnostics;
    if (remaining.length > 0) assert.match(line, new RegExp(`${remaining.length} 项需要您处理`));
    else assert.match(line, /没有需要您处理的问题/);
    if (report.skipped.length > 0) assert.match(line, new RegExp(`${report.skipped.length} 项未能修复`));
    await waitForCounts(p, {
      errors: remaining.filter((d) => d.severity === 'error').length,
      warnings: remaining.filter((d) => d.severity === 'warning').length,
    });
    await screenshot(p, 'standalone-fixed-all');

    // Download what the page holds now.
    await waitIdle(p);
    const { bytes, name } = await downloadFrom(p, () => p.getByRole('button', { name: '下载修复后的文件' }).click());
    assert.equal(name, 'sample-report.fixed.docx');
    const downloaded = lintDocx(bytes, options);
    assert.ok(downloaded.isReport);
    assert.deepEqual(downloaded.diagnostics.filter((d) => d.fix).map((d) => `${d.rule} ${placeOf(d)}`), [], 'fixable findings left in the downloaded file');
    assert.equal(downloaded.diagnostics.length, remaining.length);
    suite.session.assertOnlyLocalTraffic();
  });

  it('?sample=1 fetches the sample once, started by the page before its script (no second request)', async () => {
    const sampleRequests = () => suite.session.requests.filter((r) => r.url.endsWith('/samples/sample-report.docx')).length;
    const before = sampleRequests();
    const p = await openSample();
    await waitForCounts(p, engineCounts(sampleBytes()));
    assert.equal(sampleRequests() - before, 1);
    const timings = await p.evaluate(() => performance.getEntriesByType('resource').map((e) => ({ name: e.name, startTime: e.startTime, responseEnd: (e as PerformanceResourceTiming).responseEnd })));
    const sampleStart = timings.find((e) => e.name.endsWith('/samples/sample-report.docx'))!.startTime;
    const scriptLoaded = timings.find((e) => e.name.endsWith('/taskpane.js'))!.responseEnd;
    assert.ok(sampleStart < scriptLoaded, `the sample's fetch (at ${sampleStart} ms) starts before the script has even arrived (${scriptLoaded} ms)`);
    // Without ?sample=1 the page fetches nothing until asked.
    const plain = await suite.open('taskpane.html');
    await plain.getByTestId('standalone-panel').waitFor();
    assert.equal(sampleRequests() - before, 1);
    await plain.getByRole('button', { name: '加载示例报告' }).click();
    await plain.getByText('当前文件：sample-report.docx').waitFor();
    assert.equal(sampleRequests() - before, 2, '加载示例 fetches it again');
  });

  it('opens a .docx chosen through the file input', async () => {
    const p = await suite.open('taskpane.html');
    await p.getByText('把 .docx 文件拖到这里', { exact: false }).waitFor();
    assert.equal(await p.getByTestId('summary').count(), 0, 'nothing checked before a file is opened');
    const bytes = await buildSeedDocx('004');
    const expected = engineCounts(bytes);
    assert.ok(expected.errors > 0);
    await p.getByTestId('file-input').setInputFiles({ name: '某镇年报.docx', mimeType: DOCX_MIME, buffer: Buffer.from(bytes) });
    await p.getByText('当前文件：某镇年报.docx').waitFor();
    await waitForCounts(p, expected);
    const rules = lintDocx(bytes, { currentYear: currentYear() }).diagnostics.map((d) => d.rule);
    assert.deepEqual(await p.getByTestId('finding').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule'))), rules);
    // Nothing changed yet: nothing to download (a byte-identical copy would mislead).
    assert.equal(await p.getByRole('button', { name: '下载修复后的文件' }).count(), 0);
    suite.session.assertOnlyLocalTraffic();
  });

  it('opens a .docx dropped on the page', async () => {
    const p = await suite.open('taskpane.html');
    const panel = p.getByTestId('standalone-panel');
    await panel.waitFor();
    const bytes = await buildSeedDocx('004');
    await dropFile(panel, { name: '拖入的年报.docx', mimeType: DOCX_MIME, bytes });
    await p.getByText('当前文件：拖入的年报.docx').waitFor();
    await waitForCounts(p, engineCounts(bytes));
    assert.equal(await p.getByTestId('finding').count(), lintDocx(bytes, { currentYear: currentYear() }).diagnostics.length);
    suite.session.assertOnlyLocalTraffic();
  });

  it('下载空白模板 downloads a standard report whose only findings are its placeholders', async () => {
    const p = await suite.open('taskpane.html');
    await p.getByRole('button', { name: '下载空白模板' }).click();
    const item = p.getByRole('menuitem', { name: '整份报告框架（六个部分和三张表）' });
    const { bytes, name } = await downloadFrom(p, () => item.click());
    assert.match(name, /\.docx$/);
    const lint = lintDocx(bytes, { currentYear: currentYear() });
    assert.ok(lint.isReport, 'the template has the report tables');
    assert.equal(lint.template, '2021');
    assert.equal(lint.document.tables.length, 3);
    // Nothing but the text to fill in: the agency in the title (某某) and the prompts of 一, 五 and 六.
    assert.deepEqual(lint.diagnostics.map((d) => `${d.rule} ${placeOf(d)}`), Array(4).fill('placeholder 正文'));
    await p.getByTestId('notice').getByText('已下载空白模板。').waitFor();

    // The three tables alone, too.
    await p.getByRole('button', { name: '下载空白模板' }).click();
    const tables = await downloadFrom(p, () => p.getByRole('menuitem', { name: '三张标准表格' }).click());
    const tablesLint = lintDocx(tables.bytes, { currentYear: currentYear() });
    assert.equal(tablesLint.document.tables.length, 3);
    assert.deepEqual(tablesLint.diagnostics.filter((d) => d.table !== 'text').map((d) => `${d.rule} ${placeOf(d)}`), []);
    suite.session.assertOnlyLocalTraffic();
  });
});
