import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { lintDocx } from '../../src/engine';
import { applyFixToDocx } from '../../src/hosts/docx';
import type { Diagnostic } from '../../src/rules';
import { placeText } from '../../src/taskpane/place';
import { buildSeedDocx } from '../support/fixtures';
import { bundleFakeWps } from '../support/fake-wps/bundle';
import { browserSuite, base64, currentYear, DIST, downloadFrom, engineCounts, sampleBytes, screenshot, waitForCounts, waitIdle, type TestPage } from '../support/browser/harness';

const SEVERITY = { error: '错误', warning: '警告' } as const;
const placeOf = (d: Diagnostic) => placeText(d);
const total = (c: { errors: number; warnings: number }) => c.errors + c.warnings;

interface FakeWpsApi {
  calls(): string[];
  documentBase64(): string;
}
type WithFake = { __fakeWps: FakeWpsApi };

describe('browser: the WPS 加载项 task pane (dist/wps, fake WPS injected)', function () {
  this.timeout(120_000);
  let fakeScript = '';
  const suite = browserSuite(async () => {
    fakeScript = await bundleFakeWps();
  });

  /** dist/wps/taskpane.html as WPS opens it, `window.wps` answered by the fake holding `bytes`. */
  const openInWps = async (bytes: Uint8Array, options: { cursorParagraph?: number; insertXml?: boolean } = {}): Promise<TestPage> => {
    // Any page of the site first (the init script must be in place before the pane's own scripts run).
    const page = await suite.open('wps/deploy/publish.xml');
    await page.addInitScript(`${fakeScript}\n;window.__fakeWps.install(${JSON.stringify(base64(bytes))}, ${JSON.stringify(options)});`);
    await page.goto(`${suite.session.server.origin}/wps/taskpane.html`);
    await page.getByRole('button', { name: '插入模板' }).first().waitFor();
    assert.equal(await page.getByTestId('standalone-panel').count(), 0, 'no file panel inside WPS');
    return page;
  };
  const fakeDocument = async (p: TestPage) => new Uint8Array(Buffer.from(await p.evaluate(() => (window as unknown as WithFake).__fakeWps.documentBase64()), 'base64'));
  const fakeCalls = (p: TestPage) => p.evaluate(() => (window as unknown as WithFake).__fakeWps.calls());

  it('the add-in package is built: ribbon, main.js, pages loading their scripts by relative path', () => {
    const wps = path.join(DIST, 'wps');
    for (const file of ['ribbon.xml', 'main.js', 'index.html', 'taskpane.html', 'taskpane.js', 'images/check.svg', 'deploy/publish.xml', 'deploy/jsplugins.xml']) {
      assert.ok(existsSync(path.join(wps, file)), `dist/wps/${file}`);
    }
    const ribbon = readFileSync(path.join(wps, 'ribbon.xml'), 'utf8');
    assert.match(ribbon, /onLoad="OnAddinLoad"/);
    assert.match(ribbon, /id="fixAll" label="全部修复"/);
    assert.match(readFileSync(path.join(wps, 'index.html'), 'utf8'), /src="?main\.js/);
    assert.match(readFileSync(path.join(wps, 'taskpane.html'), 'utf8'), /src="?taskpane\.js/);
    assert.doesNotMatch(readFileSync(path.join(wps, 'taskpane.html'), 'utf8'), /office\.js/);
    const { version } = JSON.parse(readFileSync(path.resolve(DIST, '../package.json'), 'utf8')) as { version: string };
    assert.match(readFileSync(path.join(wps, 'deploy/publish.xml'), 'utf8'), new RegExp(`url="nianbao_lint_${version.replace(/\./g, '\\.')}"`));
  });

  it('opens on the sample, lists the engine’s findings, fixes one, then 全部修复 leaves nothing fixable', async () => {
    const original = sampleBytes();
    const p = await openInWps(original);
    const before = engineCounts(original);
    await waitForCounts(p, before);
    const lint = lintDocx(original, { currentYear: currentYear() });
    const shown = await p.getByTestId('finding').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    assert.deepEqual([...shown].sort(), lint.diagnostics.map((d) => `${SEVERITY[d.severity]}：${placeOf(d)}`).sort());
    assert.ok((await fakeCalls(p)).includes('Range.WordOpenXML(table)'), 'tables read through the WPS API');
    await screenshot(p, 'wps-findings');

    // One fix the engine says removes exactly one finding.
    const chosen = lint.diagnostics.filter((d) => d.fix).map((d) => ({ d, after: applyFixToDocx(original, d.fix!) }))
      .find(({ after }) => after.applied && total(engineCounts(after.bytes)) === total(before) - 1);
    assert.ok(chosen, 'the sample has a fix that removes one finding');
    await p.getByRole('listitem', { name: `${SEVERITY[chosen.d.severity]}：${placeOf(chosen.d)}`, exact: true }).first()
      .getByRole('button', { name: `修复：${placeOf(chosen.d)}`, exact: true }).click();
    // The result stands where the card was, with 撤销 (WPS takes a text fix back like Word).
    const result = p.getByTestId('fix-result');
    await result.getByText(chosen.d.fix!.description).waitFor();
    assert.equal(await result.getByTestId('undo').count(), 1);
    await waitForCounts(p, engineCounts(chosen.after.bytes));
    assert.equal(total(engineCounts(await fakeDocument(p))), total(before) - 1, 'the fake WPS document itself changed');

    const fixable = engineCounts(await fakeDocument(p)).fixable;
    await p.getByRole('button', { name: `全部修复（${fixable}）` }).click();
    await p.getByTestId('fix-all-result').waitFor();
    await waitIdle(p);
    const fixed = await fakeDocument(p);
    assert.deepEqual(lintDocx(fixed, { currentYear: currentYear() }).diagnostics.filter((d) => d.fix).map((d) => `${d.rule} ${placeOf(d)}`), []);
    await waitForCounts(p, engineCounts(fixed));
    assert.ok((await fakeCalls(p)).some((c) => c.startsWith('Cell.Range.Text=')), 'written through the cell API');
    await screenshot(p, 'wps-fixed-all');
    suite.session.assertOnlyLocalTraffic();
  });

  it('without InsertXML, 全部修复 offers the fixed copy as a download; the open document keeps what WPS could not write', async () => {
    const old = await buildSeedDocx('000');
    const p = await openInWps(old, { insertXml: false });
    await waitForCounts(p, engineCounts(old));
    const fixable = engineCounts(old).fixable;
    await p.getByRole('button', { name: `全部修复（${fixable}）` }).click();
    const result = p.getByTestId('fix-all-result');
    await result.waitFor();
    await waitIdle(p);
    const { bytes, name } = await downloadFrom(p, () => result.getByRole('button', { name: '下载修复后的副本' }).click());
    assert.equal(name, '年度报告-已修复.docx');
    await p.getByTestId('notice').getByText(/已生成修复后的副本/).waitFor();
    const copy = lintDocx(bytes, { currentYear: currentYear() });
    assert.ok(copy.isReport);
    assert.deepEqual(copy.diagnostics.filter((d) => d.fix).map((d) => `${d.rule} ${placeOf(d)}`), [], 'every fix made in the copy');
    assert.ok(engineCounts(await fakeDocument(p)).fixable > 0, 'the open document still lacks the structural fixes');
    assert.ok(!(await fakeCalls(p)).some((c) => c.startsWith('Range.InsertXML')));
    suite.session.assertOnlyLocalTraffic();
  });

  it('插入模板 inserts the standard tables after the cursor paragraph', async () => {
    const minutes = await buildSeedDocx('002', () => ({ blocks: [{ kind: 'paragraph', text: '会议纪要' }, { kind: 'paragraph', text: '散会' }] }));
    const cursor = lintDocx(minutes, { currentYear: currentYear() }).document.paragraphs.findIndex((x) => x.text === '会议纪要');
    const p = await openInWps(minutes, { cursorParagraph: cursor });
    const state = p.getByRole('region', { name: '未找到年报表格' });
    await state.waitFor();
    await state.getByRole('button', { name: '插入模板' }).click();
    await p.getByRole('menuitem', { name: '三张标准表格' }).click();
    await p.getByTestId('notice').getByText('已在光标处插入模板。').waitFor();
    await p.getByTestId('summary').waitFor();
    await waitIdle(p);
    assert.ok((await fakeCalls(p)).includes('Range.InsertXML(after)'));
    const after = lintDocx(await fakeDocument(p), { currentYear: currentYear() });
    assert.ok(after.isReport);
    assert.equal(after.document.tables.length, 3);
    assert.deepEqual(after.diagnostics.filter((d) => d.table !== 'text').map((d) => `${d.rule} ${placeOf(d)}`), [], 'the inserted tables are standard');
    const order = after.document.blocks.map((b) => (b.kind === 'table' ? 'table' : b.text)).filter((x) => x !== '');
    assert.ok(order.indexOf('会议纪要') < order.indexOf('table') && order.lastIndexOf('table') < order.indexOf('散会'), order.join(' / '));
    await screenshot(p, 'wps-template-inserted');
    suite.session.assertOnlyLocalTraffic();
  });
});
