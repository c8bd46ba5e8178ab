import { strict as assert } from 'node:assert';
import { Workbook } from 'exceljs';
import { buildSeedDocx, seedSpec } from '../support/fixtures';
import { renderHtml } from '../support/fixtures/html-writer';
import { browserSuite, DOCX_MIME, downloadFrom, screenshot } from '../support/browser/harness';

/** The reviewer's page (issue 14): many files at once → the same overview as `nianbao report`, a download, nothing sent. */
describe('browser: review page for many reports (headless Chromium)', function () {
  this.timeout(90_000);
  const suite = browserSuite();

  it('checks picked .docx files and a web page, shows the overview and downloads the report', async () => {
    const page = await suite.open('review.html');
    await page.getByRole('heading', { name: '审核多份年报' }).waitFor();
    const files = [
      { name: '青同镇.docx', mimeType: DOCX_MIME, buffer: Buffer.from(await buildSeedDocx('003')) },
      { name: '远大镇.docx', mimeType: DOCX_MIME, buffer: Buffer.from(await buildSeedDocx('004')) },
      { name: '官亭镇.html', mimeType: 'text/html', buffer: Buffer.from(renderHtml(seedSpec('002'))) },
      { name: '坏文件.docx', mimeType: DOCX_MIME, buffer: Buffer.from('PK\u0003\u0004 broken') },
    ];
    await page.getByTestId('files-input').setInputFiles(files);
    await page.getByText('3 份年报，2 份有错误，1 个无法读取').waitFor();
    const report = page.frameLocator('iframe[title="审核报告"]');
    await report.locator('#overview tbody tr').first().waitFor();
    assert.equal(await report.locator('#overview tbody tr').count(), 3);
    for (const agency of ['青同镇人民政府', '兰西县远大镇', '巨鹿县官亭镇人民政府']) await report.getByRole('link', { name: agency }).waitFor();
    await report.getByText('坏文件.docx').first().waitFor();
    // Filtering in the report page works inside the frame.
    await report.locator('#only-errors').check();
    assert.equal(await report.locator('#overview tbody tr:visible').count(), 2);
    await screenshot(page, 'review-page');

    const { bytes, name } = await downloadFrom(page, () => page.getByRole('button', { name: '下载审核报告（HTML）' }).click());
    assert.equal(name, '审核报告.html');
    assert.match(new TextDecoder().decode(bytes), /<table id="overview">/);

    // The same review as an Excel workbook, exceljs loaded only now.
    const excel = await downloadFrom(page, () => page.getByRole('button', { name: '下载 Excel 表格' }).click());
    assert.equal(excel.name, '审核报告.xlsx');
    const workbook = new Workbook();
    await workbook.xlsx.load(Buffer.from(excel.bytes) as unknown as ArrayBuffer);
    const overview = workbook.getWorksheet('总览')!;
    assert.equal(overview.rowCount - 1, 4, 'one row per file, the unreadable one included');
    assert.ok(workbook.getWorksheet('问题清单')!.rowCount > 1);
    suite.session.assertOnlyLocalTraffic();
  });
});
