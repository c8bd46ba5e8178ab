import { strict as assert } from 'node:assert';
import { Workbook } from 'exceljs';
import { lintDocx } from '../../src/engine';
import { applyFixToDocx } from '../../src/hosts/docx';
import type { Diagnostic } from '../../src/rules';
import { placeText } from '../../src/taskpane/place';
import { bundleFakeOffice } from '../support/browser/bundle-fake-office';
import type { InstallOptions } from '../support/browser/fake-office';
import {
  IN_WORD, PANE_WIDTH, base64, browserSuite, currentYear, downloadFrom, engineCounts, requestedOfficeJs, sampleBytes, screenshot, waitForCounts, waitIdle, type TestPage,
} from '../support/browser/harness';

const SEVERITY = { error: '错误', warning: '警告' } as const;
const card = (page: TestPage, d: Diagnostic) => page.getByRole('listitem', { name: `${SEVERITY[d.severity]}：${placeText(d)}`, exact: true });
const lintSample = () => lintDocx(sampleBytes(), { currentYear: currentYear() });
/** A fix on the sample that only rewrites a cell's text (undoable everywhere). */
const textFix = () => lintSample().diagnostics.find((d) => d.fix && d.fix.edits.every((e) => e.kind === 'set-cell-text'))!;

describe('browser: task pane round two (issue 13)', function () {
  this.timeout(90_000);
  let fakeScript = '';
  const suite = browserSuite(async () => {
    fakeScript = await bundleFakeOffice();
  });

  const openSample = async () => {
    suite.session.officeScript = '/* not in Office */';
    const page = await suite.open('taskpane.html?sample=1');
    await waitForCounts(page, engineCounts(sampleBytes()));
    return page;
  };
  const openInWord = async (bytes: Uint8Array, options: InstallOptions = {}) => {
    suite.session.officeScript = `${fakeScript}\n;window.__fakeOffice.install(${JSON.stringify(base64(bytes))}, ${JSON.stringify(options)});`;
    const page = await suite.open(`taskpane.html?${IN_WORD}`);
    await waitForCounts(page, engineCounts(bytes));
    return page;
  };

  it('1. the template menu covers nothing but itself', async () => {
    const p = await openSample();
    await p.getByRole('button', { name: '下载空白模板' }).click();
    const menu = p.getByRole('menu');
    await menu.waitFor();
    const box = (await menu.boundingBox())!;
    // A point of the pane outside the menu shows the pane, not a full-height portal background.
    const outside = await p.evaluate(({ y }) => {
      const el = document.elementFromPoint(4, y);
      return el ? !!el.closest('main') : false;
    }, { y: box.y + box.height + 40 });
    assert.ok(outside, 'below the menu the pane is still what is shown');
    const portalHeight = await menu.evaluate((el) => (el.closest('[data-portal-node], .fui-Portal, body > div:not(#root)') as HTMLElement | null)?.getBoundingClientRect().height ?? 0);
    assert.ok(portalHeight < 600, `the menu's portal is not full height (${portalHeight}px)`);
    await screenshot(p, 'r2-template-menu-open');
  });

  it('2. unsaved fixes: marker, the download as primary action, confirm before leaving or replacing, where the download went', async () => {
    const p = await openSample();
    assert.equal(await p.getByTestId('unsaved').count(), 0, 'nothing unsaved before a change');
    assert.equal(await p.getByTestId('download-fixed').count(), 0, 'no download before a change');
    const d = textFix();
    await card(p, d).getByRole('button', { name: `修复：${placeText(d)}` }).click();
    await p.getByTestId('unsaved').getByText('未保存的修改').waitFor();
    await waitIdle(p);
    // The download is now the one primary action; 全部修复 steps back.
    const bg = (name: string) => p.getByRole('button', { name }).first().evaluate((el) => getComputedStyle(el).backgroundColor);
    const brand = await bg('下载修复后的文件');
    assert.notEqual(brand, await p.getByRole('button', { name: /^全部修复/ }).evaluate((el) => getComputedStyle(el).backgroundColor));
    await screenshot(p, 'r2-unsaved');

    // Replacing the file asks first; declining keeps the file and opens no picker.
    let chooserOpened = false;
    p.on('filechooser', () => (chooserOpened = true));
    const asked: string[] = [];
    p.once('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await p.getByRole('button', { name: '更换' }).click();
    assert.match(asked[0] ?? '', /未保存的修改/);
    await p.waitForTimeout(300);
    assert.equal(chooserOpened, false, 'no file picker after declining');
    await p.getByTestId('unsaved').waitFor();

    // Leaving asks too (beforeunload).
    const leaving = p.waitForEvent('dialog');
    await p.close({ runBeforeUnload: true });
    const before = await leaving;
    assert.equal(before.type(), 'beforeunload');
    await before.accept();
    await p.waitForEvent('close').catch(() => undefined);
  });

  it('2. after a download the pane says where it went and that the original is unchanged', async () => {
    const p = await openSample();
    const d = textFix();
    await card(p, d).getByRole('button', { name: `修复：${placeText(d)}` }).click();
    await p.getByTestId('unsaved').waitFor();
    await waitIdle(p);
    const { bytes, name } = await downloadFrom(p, () => p.getByRole('button', { name: '下载修复后的文件' }).click());
    assert.equal(name, 'sample-report.fixed.docx');
    assert.deepEqual(engineCounts(bytes), engineCounts(applyFixToDocx(sampleBytes(), d.fix!).bytes));
    const notice = (await p.getByTestId('notice').textContent()) ?? '';
    assert.match(notice, /已下载“sample-report\.fixed\.docx”.*下载/);
    assert.match(notice, /原文件“sample-report\.docx”没有改动/);
    assert.equal(await p.getByTestId('unsaved').count(), 0, 'saved: the marker goes');
    await p.getByTestId('settings-toggle').click();
    const settings = (await p.getByTestId('settings').textContent()) ?? '';
    assert.doesNotMatch(settings, /修复直接写入文件/);
    assert.match(settings, /原文件不变/);
    await screenshot(p, 'r2-downloaded');
  });

  it('3. the fix result shows where the card was, and 撤销 restores the previous state', async () => {
    const p = await openSample();
    const before = engineCounts(sampleBytes());
    const d = textFix();
    const order = await p.getByTestId('finding').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    const at = order.indexOf(`${SEVERITY[d.severity]}：${placeText(d)}`);
    await card(p, d).getByRole('button', { name: `修复：${placeText(d)}` }).click();
    const result = p.getByTestId('fix-result');
    await result.waitFor();
    await waitIdle(p);
    assert.equal(await result.getByTestId('fix-result-place').textContent(), `${placeText(d)}：`);
    assert.equal(await result.getByTestId('fix-result-text').textContent(), d.fix!.description);
    // In the list, where the card was: the card now at that position follows it.
    const inList = await p.evaluate(() => {
      const slot = document.querySelector('[data-testid="findings"] [data-testid="fix-result"]');
      const next = slot?.closest('li')?.nextElementSibling;
      return { inList: !!slot, next: next?.getAttribute('aria-label') ?? null };
    });
    assert.ok(inList.inList, 'the result is in the findings list');
    assert.equal(inList.next, order.filter((_, n) => n !== at)[at] ?? null);
    await screenshot(p, 'r2-fix-result');
    await result.getByRole('button', { name: '撤销' }).click();
    await p.getByTestId('fix-result').getByText('已撤销').waitFor();
    await waitForCounts(p, before);
    assert.equal(await p.getByTestId('unsaved').count(), 0, 'back to the file as opened: nothing unsaved');
    await screenshot(p, 'r2-undone');
  });

  it('3. in Word, 撤销 writes the previous value back and mentions Ctrl+Z', async () => {
    const p = await openInWord(sampleBytes());
    const d = textFix();
    await card(p, d).getByRole('button', { name: `修复：${placeText(d)}` }).click();
    const result = p.getByTestId('fix-result');
    await result.getByText('Ctrl+Z').waitFor();
    await waitIdle(p);
    await result.getByRole('button', { name: '撤销' }).click();
    await result.getByText('已撤销').waitFor();
    await waitForCounts(p, engineCounts(sampleBytes()));
    const doc = new Uint8Array(Buffer.from(await p.evaluate(() => (window as unknown as { __fakeOffice: { documentBase64(): string } }).__fakeOffice.documentBase64()), 'base64'));
    assert.deepEqual(lintDocx(doc, { currentYear: currentYear() }).diagnostics.map((x) => x.message), lintSample().diagnostics.map((x) => x.message));
    await screenshot(p, 'r2-word-undone');
  });

  it('4. one primary action; the file line is one line; summary chips lead to their table; the first finding is in view at 320 px', async () => {
    const p = await openSample();
    // The colours are compared once 全部修复 is enabled: while busy it is as grey as any button.
    await p.waitForFunction(() => [...document.querySelectorAll('main button')].some((b) => b.textContent?.startsWith('全部修复') && b.getAttribute('aria-disabled') !== 'true'));
    const primaries = await p.locator('main button').evaluateAll((els) => {
      const brand = getComputedStyle(els.find((e) => e.textContent?.startsWith('全部修复'))!).backgroundColor;
      return els.filter((e) => getComputedStyle(e).backgroundColor === brand).map((e) => e.textContent);
    });
    assert.deepEqual(primaries.map((t) => t?.replace(/（\d+）/, '')), ['全部修复'], 'only 全部修复 is filled');
    assert.equal(await p.getByTestId('settings-toggle').getAttribute('aria-pressed'), 'false');
    const panel = (await p.getByTestId('standalone-panel').boundingBox())!;
    assert.ok(panel.height < 60, `file panel is one line (${panel.height}px)`);
    const first = (await p.getByTestId('finding').first().boundingBox())!;
    const viewport = p.viewportSize()!;
    assert.equal(viewport.width, PANE_WIDTH);
    assert.ok(first.y + 40 < viewport.height, `first finding starts at y=${first.y}, viewport ${viewport.height}`);
    const firstArea = lintSample().diagnostics[0].table;
    await p.getByTestId('count-review').click();
    assert.equal(await p.evaluate(() => document.activeElement?.id), 'area-review');
    await screenshot(p, 'r2-320-first-view');
    assert.ok(firstArea);
  });

  it('5. next/previous finding, arrow keys in the toolbar, Esc closes settings, aria-expanded only where it expands', async () => {
    const p = await openSample();
    const labels = await p.getByTestId('finding').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    await p.keyboard.press('Alt+ArrowDown');
    await p.getByTestId('finding-position').getByText(`第 1 / ${labels.length} 项`).waitFor();
    const focusedCard = () => p.evaluate(() => document.activeElement?.closest('[data-testid="finding"]')?.getAttribute('aria-label'));
    assert.equal(await focusedCard(), labels[0]);
    await p.getByRole('button', { name: '下一个' }).click();
    await p.getByTestId('finding-position').getByText(`第 2 / ${labels.length} 项`).waitFor();
    await p.keyboard.press('Alt+ArrowUp');
    await p.getByTestId('finding-position').getByText(`第 1 / ${labels.length} 项`).waitFor();
    await p.keyboard.press('Alt+ArrowUp');
    await p.getByTestId('finding-position').getByText(`第 ${labels.length} / ${labels.length} 项`).waitFor();
    // In the browser the place button expands the preview: it says so.
    assert.equal(await p.getByTestId('finding-place').last().getAttribute('aria-expanded'), 'true');

    // Toolbar: arrow keys move between its buttons.
    await p.getByRole('button', { name: '重新检查' }).focus();
    await p.keyboard.press('ArrowRight');
    assert.equal(await p.evaluate(() => document.activeElement?.textContent), '下载空白模板');
    await p.keyboard.press('ArrowLeft');
    assert.equal(await p.evaluate(() => document.activeElement?.textContent), '重新检查');

    // Esc closes settings and gives focus back to the toggle.
    await p.getByTestId('settings-toggle').click();
    await p.getByTestId('report-year').focus();
    await p.keyboard.press('Escape');
    await p.getByTestId('settings').waitFor({ state: 'detached' });
    assert.equal(await p.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'settings-toggle');
  });

  it('5. in Word the location button has no aria-expanded (nothing expands)', async () => {
    const p = await openInWord(sampleBytes());
    assert.deepEqual(await p.getByTestId('finding-place').evaluateAll((els) => els.filter((e) => e.hasAttribute('aria-expanded')).length), 0);
  });

  it('6. the place is as large as the message, the badge stays on one line, 表四 reads as a breadcrumb, one name for the format', async () => {
    const p = await openSample();
    const sizes = await p.getByTestId('finding').first().evaluate((el) => ({
      place: parseFloat(getComputedStyle(el.querySelector('[data-testid="finding-place"]')!).fontSize),
      message: parseFloat(getComputedStyle(el.querySelector('p')!).fontSize),
    }));
    assert.ok(sizes.place >= sizes.message, JSON.stringify(sizes));
    const badges = await p.locator('[data-testid="finding"] .fui-Badge').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
    assert.ok(badges.every((h) => h < 30), `badges on one line: ${badges}`);
    const review = lintSample().diagnostics.find((d) => d.table === 'review' && d.row && d.column)!;
    assert.equal(placeText(review), `表四 · ${review.row} › ${review.column}`);
    await card(p, review).waitFor();
    assert.equal(await p.getByTestId('summary-template').textContent(), '2021 年格式');
    await screenshot(p, 'r2-typography');
  });

  it('7. the browser page never requests office.js', async () => {
    suite.session.requests = [];
    await openSample();
    assert.equal(requestedOfficeJs(suite.session), false);
  });

  it('7. in Office with the CDN unreachable, the pane explains and points to OFFICE_JS=local', async () => {
    suite.session.officeScript = null;
    const p = await suite.open(`taskpane.html?${IN_WORD}`);
    const error = p.getByTestId('startup-error');
    await error.waitFor();
    assert.match((await error.textContent()) ?? '', /office\.js.*OFFICE_JS=local/s);
    p.pageErrors.length = 0; // the blocked script is reported by the browser as a console error
    await screenshot(p, 'r2-office-js-unreachable');
  });

  it('8. Office’s dark theme gives a dark pane', async () => {
    const p = await openInWord(sampleBytes(), { officeTheme: { bodyBackgroundColor: '#262626', bodyForegroundColor: '#ffffff' } });
    const bg = await p.locator('main').evaluate((el) => getComputedStyle(el.parentElement!).backgroundColor);
    const [r, g, b] = bg.match(/\d+/g)!.map(Number);
    assert.ok(r + g + b < 200, `dark background: ${bg}`);
    await screenshot(p, 'r2-dark-theme');
    await p.emulateMedia({ forcedColors: 'active' });
    await p.getByTestId('finding').first().waitFor();
    await screenshot(p, 'r2-high-contrast');
  });

  it('9. 导出检查记录: .xlsx with every finding and its state, and a printable page', async () => {
    const p = await openSample();
    const lint = lintSample();
    const d = textFix();
    await card(p, d).getByRole('button', { name: `修复：${placeText(d)}` }).click();
    await p.getByTestId('fix-result').waitFor();
    await waitIdle(p);
    await p.getByRole('button', { name: '导出检查记录' }).click();
    const { bytes, name } = await downloadFrom(p, () => p.getByTestId('export-xlsx').click());
    assert.equal(name, 'sample-report-检查记录.xlsx');
    const workbook = new Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('检查记录')!;
    const rows: string[][] = [];
    sheet.eachRow((row, n) => n > 1 && rows.push((row.values as string[]).slice(1)));
    assert.equal(rows.length, lint.diagnostics.length, 'every finding, the fixed one included');
    const fixed = rows.filter((r) => r[5] === '已修复');
    assert.equal(fixed.length, 1);
    assert.equal(fixed[0][1], placeText(d));
    assert.equal(fixed[0][6], d.fix!.description);
    assert.match(fixed[0][8], /^\d{4}-\d\d-\d\d \d\d:\d\d/);
    assert.equal(rows.filter((r) => r[5] === '待处理').length, lint.diagnostics.length - 1);

    // Printable page: the record replaces the pane on paper.
    await p.evaluate(() => {
      window.print = () => {
        const view = document.querySelector('[data-testid="audit-print"]');
        (window as unknown as { printed: unknown }).printed = { shown: view ? getComputedStyle(view).display : 'missing', rows: view?.querySelectorAll('[data-testid="audit-row"]').length ?? 0 };
      };
    });
    await p.getByRole('button', { name: '导出检查记录' }).click();
    await p.getByTestId('export-print').waitFor();
    await p.emulateMedia({ media: 'print' });
    await p.getByTestId('export-print').click();
    await p.waitForFunction(() => 'printed' in window);
    const printed = await p.evaluate(() => (window as unknown as { printed: { shown: string; rows: number } }).printed);
    assert.deepEqual(printed, { shown: 'block', rows: lint.diagnostics.length });
    await p.emulateMedia({ media: 'screen' });
  });
});
