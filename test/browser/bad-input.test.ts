import { strict as assert } from 'node:assert';
import { createStandaloneHost } from '../../src/hosts/browser/standalone-host';
import { buildSeedDocx } from '../support/fixtures';
import { craftEntriesOf, craftZip, zeroBomb } from '../support/fixtures/package-craft';
import { DOCX_MIME, assertFitsPane, browserSuite, engineCounts, sampleBytes, screenshot, waitForCounts, type TestPage } from '../support/browser/harness';

/** A Word 97-2003 compound file: the OLE signature, then padding. */
const LEGACY_DOC = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(1016).fill(0)]);
const HAN = /\p{Script=Han}/u;

/** The message the page's own host gives for a file (run here, in Node, on the same bytes). */
async function openMessage(bytes: Uint8Array, name: string): Promise<string> {
  const { controls } = createStandaloneHost({ loadSample: async () => sampleBytes(), storage: null, saveFile: () => undefined });
  try {
    await controls.openFile(Object.assign(new Blob([bytes as Uint8Array<ArrayBuffer>]), { name }));
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${name} opened without an error`);
}

describe('browser: bad input on the standalone page', function () {
  this.timeout(60_000);
  const suite = browserSuite();

  const openBlank = async () => {
    const page = await suite.open('taskpane.html');
    await page.getByTestId('standalone-panel').waitFor();
    return page;
  };
  const choose = (p: TestPage, name: string, bytes: Uint8Array, mimeType = DOCX_MIME) =>
    p.getByTestId('file-input').setInputFiles({ name, mimeType, buffer: Buffer.from(bytes) });
  const openError = async (p: TestPage) => {
    const bar = p.getByTestId('open-error');
    await bar.waitFor();
    assert.match((await bar.textContent()) ?? '', /^无法打开文件/);
    return bar;
  };
  /** The page still works: the sample loads and shows the engine's counts. */
  const sampleStillWorks = async (p: TestPage) => {
    // With a file open the panel is one line (name · 更换 · 下载): the sample is opened as a file then.
    if (await p.getByTestId('file-name').count()) await choose(p, 'sample-report.docx', sampleBytes());
    else await p.getByRole('button', { name: '加载示例报告' }).click();
    await p.getByText('当前文件：sample-report.docx').waitFor();
    await waitForCounts(p, engineCounts(sampleBytes()));
    assert.equal(await p.getByTestId('open-error').count(), 0, 'the error goes once a file opens');
  };

  it('a corrupt .docx (its first 60 bytes) shows the engine’s Chinese reason; the page keeps working', async () => {
    const p = await openBlank();
    const corrupt = sampleBytes().slice(0, 60);
    const expected = await openMessage(corrupt, '损坏的年报.docx');
    assert.match(expected, HAN);
    await choose(p, '损坏的年报.docx', corrupt);
    const bar = await openError(p);
    assert.ok(((await bar.textContent()) ?? '').includes(expected), `shows “${expected}”`);
    assert.equal(await p.getByTestId('file-name').count(), 0, 'no file counts as open');
    assert.equal(await p.getByTestId('summary').count(), 0);
    await screenshot(p, 'error-corrupt-file');
    await sampleStillWorks(p);
    suite.session.assertOnlyLocalTraffic();
  });

  it('a zip bomb (3 MB inflating to 3 GB, its size hidden) is refused with 文件过大; the tab survives and keeps working', async () => {
    const p = await openBlank();
    const bomb = craftZip(craftEntriesOf(sampleBytes()).map((e) => (e.name === 'word/document.xml' ? { name: e.name, deflated: { stream: zeroBomb(3 * 1024), declaredSize: 1024 } } : e)));
    const expected = await openMessage(bomb, '年报.docx');
    assert.match(expected, /^文件过大/);
    await choose(p, '年报.docx', bomb);
    const bar = await openError(p);
    assert.ok(((await bar.textContent()) ?? '').includes(expected), `shows “${expected}”`);
    await sampleStillWorks(p);
    suite.session.assertOnlyLocalTraffic();
  });

  it('a corrupt file opened over a document leaves that document open and checked', async () => {
    const p = await openBlank();
    await p.getByRole('button', { name: '加载示例报告' }).click();
    const counts = engineCounts(sampleBytes());
    await waitForCounts(p, counts);
    await choose(p, '损坏的年报.docx', sampleBytes().slice(0, 60));
    await openError(p);
    await p.getByText('当前文件：sample-report.docx').waitFor();
    await waitForCounts(p, counts);
    await p.getByRole('button', { name: '重新检查' }).click();
    await waitForCounts(p, counts);
    suite.session.assertOnlyLocalTraffic();
  });

  it('a legacy .doc is refused with what to do; so are .doc bytes named .docx', async () => {
    const p = await openBlank();
    const named = await openMessage(LEGACY_DOC, '2024年报.doc');
    assert.match(named, /另存为/);
    await choose(p, '2024年报.doc', LEGACY_DOC, 'application/msword');
    const bar = await openError(p);
    assert.ok(((await bar.textContent()) ?? '').includes(named), `shows “${named}”`);
    await screenshot(p, 'error-legacy-doc');

    const sniffed = await openMessage(LEGACY_DOC, '改了扩展名.docx');
    assert.match(sniffed, HAN);
    await choose(p, '改了扩展名.docx', LEGACY_DOC);
    await p.getByTestId('open-error').getByText(sniffed, { exact: false }).waitFor();
    await sampleStillWorks(p);
    suite.session.assertOnlyLocalTraffic();
  });

  it('a document without report tables says so and offers the blank template; the page keeps working', async () => {
    const p = await openBlank();
    const minutes = await buildSeedDocx('002', () => ({ blocks: [{ kind: 'paragraph', text: '会议纪要' }] }));
    await choose(p, '会议纪要.docx', minutes);
    await p.getByText('当前文件：会议纪要.docx').waitFor();
    const state = p.getByRole('region', { name: '未找到年报表格' });
    await state.waitFor();
    assert.match((await state.textContent()) ?? '', /文档中没有找到表二/);
    await state.getByRole('button', { name: '下载空白模板' }).waitFor();
    assert.equal(await p.getByTestId('summary').count(), 0);
    assert.equal(await p.getByTestId('finding').count(), 0);
    assert.equal(await p.getByTestId('open-error').count(), 0, 'a readable document is not an error');
    // Not width-checked: see the pending test below (the message does not wrap).
    await screenshot(p, 'error-no-report-tables', { checkWidth: false });
    await sampleStillWorks(p);
    suite.session.assertOnlyLocalTraffic();
  });

  // Known bug (src/taskpane/components/NoReportState.tsx): its MessageBar has the default
  // single-line layout, so the explanation does not wrap and the 320 px pane scrolls sideways
  // (about 980 px wide). Enable this test once the MessageBar gets layout="multiline".
  it('the “未找到年报表格” message wraps within the 320 px pane', async () => {
    const p = await openBlank();
    await choose(p, '会议纪要.docx', await buildSeedDocx('002', () => ({ blocks: [{ kind: 'paragraph', text: '会议纪要' }] })));
    await p.getByRole('region', { name: '未找到年报表格' }).waitFor();
    await assertFitsPane(p);
  });
});
