import { strict as assert } from 'node:assert';
import { assertFitsPane, browserSuite, screenshot } from '../support/browser/harness';

/**
 * A sum finding in the pane at 320 px: what to do first, the evidence behind 为什么, and a preview
 * showing the repair with headers and row labels in view.
 */
describe('browser: a sum finding (headless Chromium)', function () {
  this.timeout(60_000);
  const suite = browserSuite();

  it('says what to do, shows the evidence on 为什么, previews the repair before → after with headers and labels kept in view', async () => {
    const p = await suite.open('taskpane.html?sample=1');
    await p.getByText('当前文件：sample-report.docx').waitFor();
    const sum = p.locator('[data-testid="finding"][data-rule="sum-mismatch"]');
    await sum.waitFor();
    assert.match((await sum.textContent())!, /“总计”应为 2（现为 3）/);

    // The evidence waits behind 为什么: one relation per line, no rule codes, zeros counted.
    assert.equal(await sum.getByTestId('sum-evidence').count(), 0);
    await sum.getByTestId('sum-why').click();
    const lines = sum.getByTestId('sum-evidence').locator('li');
    assert.equal(await lines.count(), 3);
    const evidence = (await sum.getByTestId('sum-evidence').textContent())!;
    assert.doesNotMatch(evidence, /R\d/);
    assert.match(evidence, /其余 20 项均为 0/);
    assert.equal(await sum.getByTestId('sum-why').getAttribute('aria-expanded'), 'true');

    await sum.getByTestId('finding-place').click();
    const preview = sum.getByTestId('table-preview');
    await preview.waitFor();
    assert.equal((await sum.getByTestId('highlighted-cell').textContent())?.trim(), '3 → 2');
    assert.match((await sum.getByTestId('preview-caption').textContent())!, /“（七）总计”行 “总计”列：3 → 2/);
    assert.ok(await sum.getByTestId('addend-cell').count() >= 2, 'the addends are tinted');
    const fontSize = await preview.locator('table').evaluate((t) => parseFloat(getComputedStyle(t).fontSize));
    assert.ok(fontSize >= 12, `preview text is ${fontSize} px`);

    // Scrolled right and down, the row label of a data row and the header stay at the edges.
    const box = (await preview.boundingBox())!;
    await preview.evaluate((el) => { el.scrollLeft = el.scrollWidth; el.scrollTop = 120; });
    const label = preview.locator('td', { hasText: '（一）予以公开' }).first();
    const labelBox = (await label.boundingBox())!;
    assert.ok(Math.abs(labelBox.x - box.x) <= 2, `the row label stays at the left edge (at ${labelBox.x - box.x} px)`);
    const header = preview.locator('thead th', { hasText: '申请人情况' }).first();
    const headerBox = (await header.boundingBox())!;
    assert.ok(Math.abs(headerBox.y - box.y) <= 2, `the header stays at the top (at ${headerBox.y - box.y} px)`);
    await assertFitsPane(p);
    await screenshot(p, 'sum-finding-preview');
    suite.session.assertOnlyLocalTraffic();
  });
});
