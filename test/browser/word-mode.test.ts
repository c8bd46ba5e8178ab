import { strict as assert } from 'node:assert';
import { lintDocx } from '../../src/engine';
import type { Diagnostic, Location } from '../../src/rules';
import { placeText } from '../../src/taskpane/place';
import { buildSeedDocx } from '../support/fixtures';
import { bundleFakeOffice } from '../support/browser/bundle-fake-office';
import type { FakeSelection, InstallOptions } from '../support/browser/fake-office';
import { IN_WORD, browserSuite, base64, currentYear, engineCounts, sampleBytes, screenshot, waitForCounts, waitIdle, type TestPage } from '../support/browser/harness';

const SEVERITY = { error: '错误', warning: '警告' } as const;
const placeOf = (d: Diagnostic) => placeText(d);

/** What the page can call on the fake (window.__fakeOffice, see test/support/browser/fake-office.ts). */
interface FakeOfficeApi {
  selection(): FakeSelection;
  calls(): string[];
  documentBase64(): string;
}
type WithFake = { __fakeOffice: FakeOfficeApi };

describe('browser: the task pane in Word (fake Office over the .docx host)', function () {
  this.timeout(60_000);
  let fakeScript = '';
  const suite = browserSuite(async () => {
    fakeScript = await bundleFakeOffice();
  });

  /** The task pane as Word opens it, with office.js answered by the fake holding `bytes`. */
  const openInWord = async (bytes: Uint8Array, options: InstallOptions = {}) => {
    suite.session.officeScript = `${fakeScript}\n;window.__fakeOffice.install(${JSON.stringify(base64(bytes))}, ${JSON.stringify(options)});`;
    const page = await suite.open(`taskpane.html?${IN_WORD}`);
    // Word mode: 插入模板, and none of the browser page's file controls.
    await page.getByRole('button', { name: '插入模板' }).first().waitFor();
    assert.equal(await page.getByTestId('standalone-panel').count(), 0, 'no file panel inside Word');
    return page;
  };
  const fakeCalls = (p: TestPage) => p.evaluate(() => (window as unknown as WithFake).__fakeOffice.calls());
  const fakeSelection = (p: TestPage) => p.evaluate(() => (window as unknown as WithFake).__fakeOffice.selection());
  const fakeDocument = async (p: TestPage) => new Uint8Array(Buffer.from(await p.evaluate(() => (window as unknown as WithFake).__fakeOffice.documentBase64()), 'base64'));

  it('lists the sample’s findings with the engine’s counts, read through the Word host', async () => {
    const p = await openInWord(sampleBytes());
    const expected = engineCounts(sampleBytes());
    await waitForCounts(p, expected);
    const lint = lintDocx(sampleBytes(), { currentYear: currentYear() });
    const shown = await p.getByTestId('finding').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    assert.deepEqual([...shown].sort(), lint.diagnostics.map((d) => `${SEVERITY[d.severity]}：${placeOf(d)}`).sort());
    await p.getByRole('button', { name: `全部修复（${expected.fixable}）` }).waitFor();
    assert.doesNotMatch((await p.locator('header').textContent()) ?? '', /浏览器版/);
    // The document was read through Word's API, not from a file.
    const calls = await fakeCalls(p);
    assert.ok(calls.includes('ParagraphCollection.load(items/text,items/tableNestingLevel,items/isListItem)'), calls.slice(0, 5).join(' | '));
    assert.ok(calls.some((c) => c === 'Range.getOoxml()'), 'tables read as OOXML');
    await screenshot(p, 'word-mode-findings');
    suite.session.assertOnlyLocalTraffic();
  });

  it('clicking a finding selects its cell (or heading paragraph) in Word', async () => {
    const p = await openInWord(sampleBytes());
    await waitForCounts(p, engineCounts(sampleBytes()));
    const lint = lintDocx(sampleBytes(), { currentYear: currentYear() });
    const onCell = lint.diagnostics.filter((d) => d.location && 'tableIndex' in d.location && d.location.cellIndex !== null);
    const onParagraph = lint.diagnostics.find((d) => d.location && 'paragraphIndex' in d.location);
    assert.ok(onCell.length > 0, 'the sample has findings on cells');
    // The last cell finding: the cursor starts in the first paragraph, so the selection must move.
    for (const d of [onCell[onCell.length - 1], ...(onParagraph ? [onParagraph] : [])]) {
      const before = (await fakeCalls(p)).length;
      await p.getByRole('listitem', { name: `${SEVERITY[d.severity]}：${placeOf(d)}`, exact: true }).first().getByTestId('finding-place').click();
      const want = d.location as Location;
      await p.waitForFunction((w) => JSON.stringify((window as unknown as WithFake).__fakeOffice.selection()) === JSON.stringify(w), want).catch(() => undefined);
      assert.deepEqual(await fakeSelection(p), want, `selection after clicking ${placeOf(d)}`);
      const calls = (await fakeCalls(p)).slice(before);
      const select = 'paragraphIndex' in want ? 'Paragraph.select()' : 'Body.select()';
      assert.ok(calls.includes(select), `${select} recorded (calls: ${calls.join(' | ')})`);
      if ('tableIndex' in want) assert.ok(calls.includes(`Table.getCell(${want.rowIndex},${want.cellIndex})`), calls.join(' | '));
    }
    suite.session.assertOnlyLocalTraffic();
  });

  it('全部修复 writes through the Word host: the document then has no fixable findings', async () => {
    const p = await openInWord(sampleBytes());
    const before = engineCounts(sampleBytes());
    await waitForCounts(p, before);
    const writesBefore = (await fakeCalls(p)).filter(isWrite).length;
    await p.getByRole('button', { name: `全部修复（${before.fixable}）` }).click();
    const result = p.getByTestId('fix-all-result');
    await result.waitFor();
    assert.match((await result.getByRole('status').textContent()) ?? '', /^已修复 \d+ 项/);
    await waitIdle(p);

    const calls = await fakeCalls(p);
    assert.ok(calls.filter(isWrite).length > writesBefore, 'the fixes went through Word’s API');
    assert.ok(calls.includes('TableCell.value="0"'), 'the empty cell was written as 0 through the cell API');
    const fixed = await fakeDocument(p);
    const lint = lintDocx(fixed, { currentYear: currentYear() });
    assert.ok(lint.isReport);
    assert.deepEqual(lint.diagnostics.filter((d) => d.fix).map((d) => `${d.rule} ${placeOf(d)}`), [], 'fixable findings left in Word’s document');
    await waitForCounts(p, engineCounts(fixed));
    await screenshot(p, 'word-mode-fixed-all');
    suite.session.assertOnlyLocalTraffic();
  });

  it('插入模板 inserts the standard tables at the cursor', async () => {
    const minutes = await buildSeedDocx('002', () => ({ blocks: [{ kind: 'paragraph', text: '会议纪要' }, { kind: 'paragraph', text: '散会' }] }));
    const original = lintDocx(minutes, { currentYear: currentYear() });
    assert.equal(original.isReport, false);
    const cursor = original.document.paragraphs.findIndex((x) => x.text === '会议纪要');
    const p = await openInWord(minutes, { cursorParagraph: cursor });
    const state = p.getByRole('region', { name: '未找到年报表格' });
    await state.waitFor();
    // Not width-checked: the no-report message does not wrap (see test/browser/bad-input.test.ts).
    await screenshot(p, 'word-mode-no-report', { checkWidth: false });
    await state.getByRole('button', { name: '插入模板' }).click();
    await p.getByRole('menuitem', { name: '三张标准表格' }).click();
    await p.getByTestId('notice').getByText('已在光标处插入模板。').waitFor();
    await p.getByTestId('summary').waitFor();
    await waitIdle(p);

    const calls = await fakeCalls(p);
    assert.ok(calls.includes('Range.insertOoxml(After)'), calls.filter((c) => c.startsWith('Range')).join(' | '));
    const after = lintDocx(await fakeDocument(p), { currentYear: currentYear() });
    assert.ok(after.isReport, 'the document now has the report tables');
    assert.equal(after.template, '2021');
    assert.equal(after.document.tables.length, 3);
    assert.deepEqual(after.diagnostics.filter((d) => d.table !== 'text').map((d) => `${d.rule} ${placeOf(d)}`), [], 'the inserted tables are standard');
    // At the cursor: after the paragraph holding it, before the one after it.
    const order = after.document.blocks.map((b) => (b.kind === 'table' ? 'table' : b.text)).filter((x) => x !== '');
    const first = order.indexOf('会议纪要');
    const last = order.indexOf('散会');
    const tables = order.flatMap((x, i) => (x === 'table' ? [i] : []));
    assert.ok(first >= 0 && last > first, order.join(' / '));
    assert.ok(tables.every((i) => i > first && i < last), `tables between the cursor paragraph and the next: ${order.join(' / ')}`);
    await waitForCounts(p, engineCounts(await fakeDocument(p)));
    await screenshot(p, 'word-mode-template-inserted');
    suite.session.assertOnlyLocalTraffic();
  });
});

/** Calls of the fake that change the document. */
function isWrite(call: string): boolean {
  return /^(TableCell\.value=|Paragraph\.insertText|Range\.insertOoxml|TableRow\.insertRows|Table\.deleteRows|Table\.delete\(\))/.test(call);
}
