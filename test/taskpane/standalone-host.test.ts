import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DocumentReadError } from '../../src/docmodel';
import { lintDocx } from '../../src/engine';
import { createStandaloneHost, fixedName } from '../../src/hosts/browser/standalone-host';
import { findingKey, type CheckOptions, type TemplateChoice } from '../../src/hosts/report-host';
import { SaxesParser } from 'saxes';
import { buildSeedDocx, documentXml } from '../support/fixtures';
import { withDocumentXml } from '../support/fixtures/package-craft';
import { CURRENT_YEAR, memoryStorage, SAMPLE, testHost } from './support';

const options: CheckOptions = { currentYear: CURRENT_YEAR, reportYear: null, trackChanges: false, comments: false };

describe('standalone host (a .docx in memory)', () => {
  it('checks, fixes one finding, and keeps the result in memory', async () => {
    const { host, controls } = testHost();
    await controls.open(await buildSeedDocx('004'), '某镇年报.docx');
    const first = await host.check(options);
    assert.equal(first.documentName, '某镇年报.docx');
    assert.equal(first.lint.diagnostics.length, 5);
    const outcome = await host.applyFix(first.lint.diagnostics[0].fix!, options);
    assert.deepEqual({ ...outcome, undo: undefined }, { applied: true, reason: null, undo: undefined });
    assert.ok(outcome.undo, 'the browser page can take the fix back');
    assert.ok(controls.hasUnsavedChanges());
    assert.equal((await host.check(options)).lint.diagnostics.length, 4);
    // The same fix again is stale: skipped with a reason, never forced.
    const again = await host.applyFix(first.lint.diagnostics[0].fix!, options);
    assert.equal(again.applied, false);
    assert.ok(again.reason);
  });

  it('fix-all reports applied and remaining findings; download saves <name>.fixed.docx', async () => {
    const h = testHost();
    await h.controls.loadSample();
    const outcome = await h.host.fixAll(options);
    assert.equal(outcome.applied.length, 5);
    assert.deepEqual(outcome.remaining, []);
    h.controls.download();
    assert.equal(h.saved[0].fileName, 'sample-report.fixed.docx');
    assert.equal(lintDocx(h.saved[0].bytes, { currentYear: CURRENT_YEAR }).diagnostics.length, 0);
    assert.equal(fixedName('报告.DOCX'), '报告.fixed.docx');
  });

  it('a document under ns0: (ElementTree) is fixed in its own prefix and the download opens', async () => {
    const h = testHost();
    const ns0 = withDocumentXml(await buildSeedDocx('004'), (x) => x
      .replace(/<(\/?)w:/g, '<$1ns0:').replace(' xmlns:w=', ' xmlns:ns0=')
      .replace(/(<[^!?][^>]*>)/g, (tag) => tag.replace(/(\s)w:([\w-]+=)/g, '$1ns0:$2')));
    await h.controls.open(ns0, '某镇年报.docx');
    assert.equal((await h.host.fixAll(options)).applied.length, 5);
    h.controls.download();
    const xml = documentXml(h.saved[0].bytes);
    assert.doesNotMatch(xml, /<w:/);
    new SaxesParser({ xmlns: true }).write(xml).close();
    assert.deepEqual(lintDocx(h.saved[0].bytes, { currentYear: CURRENT_YEAR }).diagnostics, []);
  });

  it('fix-all leaves the findings the user ignored alone', async () => {
    const h = testHost();
    await h.controls.open(await buildSeedDocx('004'), '某镇年报.docx');
    const [ignoredFinding] = (await h.host.check(options)).lint.diagnostics;
    const outcome = await h.host.fixAll({ ...options, ignoredKeys: [findingKey(ignoredFinding)] });
    assert.equal(outcome.applied.length, 4);
    assert.deepEqual(outcome.remaining.map(findingKey), [findingKey(ignoredFinding)]);
  });

  it('an unreadable file throws the Chinese DocumentReadError and leaves the open document alone', async () => {
    const { host, controls } = testHost();
    await controls.loadSample();
    await assert.rejects(controls.open(new Uint8Array([1, 2, 3]), 'x.docx'), (e: unknown) => e instanceof DocumentReadError && /[\u4e00-\u9fff]/.test(e.message));
    assert.equal(controls.currentFileName(), 'sample-report.docx');
    assert.equal((await host.check(options)).lint.diagnostics.length, 5);
  });

  it('before a file is open, check explains what to do', async () => {
    const { host, controls } = testHost();
    assert.equal(controls.currentFileName(), null);
    await assert.rejects(host.check(options), /请先打开/);
    assert.deepEqual(await host.loadIgnored(), []);
  });

  it('keeps ignored findings per file name in the storage given (or in memory without one)', async () => {
    const storage = memoryStorage();
    const a = testHost(storage);
    await a.controls.open(SAMPLE, 'a.docx');
    await a.host.saveIgnored(['k1']);
    const b = testHost(storage);
    await b.controls.open(SAMPLE, 'a.docx');
    assert.deepEqual(await b.host.loadIgnored(), ['k1']);
    await b.controls.open(SAMPLE, 'b.docx');
    assert.deepEqual(await b.host.loadIgnored(), []);

    const memory = createStandaloneHost({ loadSample: async () => SAMPLE, storage: null, saveFile: () => {} });
    await memory.controls.open(SAMPLE, 'c.docx');
    await memory.host.saveIgnored(['k2']);
    assert.deepEqual(await memory.host.loadIgnored(), ['k2']);
  });

  for (const choice of ['report', 'tables', 'active', 'applications', 'review'] as TemplateChoice[]) {
    it(`downloads a blank template: ${choice}`, async () => {
      const h = testHost();
      await h.host.insertTemplate(choice, { ...options, reportYear: 2024 });
      assert.equal(h.saved.length, 1);
      assert.match(h.saved[0].fileName, /\.docx$/);
      const lint = lintDocx(h.saved[0].bytes, { currentYear: CURRENT_YEAR, reportYear: 2024 });
      assert.ok(lint.isReport);
      const tableFindings = lint.diagnostics.filter((d) => d.table !== 'text' && d.rule !== 'missing-table');
      assert.deepEqual(tableFindings, [], 'the standard tables themselves are clean');
      if (choice === 'report') assert.deepEqual(lint.diagnostics.filter((d) => d.rule !== 'placeholder'), [], 'a blank report: only its placeholders');
    });
  }
});

describe('web build', () => {
  // `npm test` runs `npm run build` (CLI and webpack production build) before mocha.
  const dist = resolve(__dirname, '../../dist');
  it('dist/ has the task pane page, its script, the sample, and still the CLI build', function () {
    if (!existsSync(resolve(dist, 'taskpane.html'))) this.skip(); // mocha run without `npm run build`
    const html = readFileSync(resolve(dist, 'taskpane.html'), 'utf8');
    // office.js is not a blocking <script>: the page loads it itself, only inside Office.
    assert.doesNotMatch(html, /<script[^>]*office\.js/);
    assert.match(html, /<meta name="?office-js"? content="?(https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js|office-js\/office\.js)"?>/);
    assert.match(html, /taskpane\.js/);
    assert.ok(existsSync(resolve(dist, 'taskpane.js')));
    assert.ok(existsSync(resolve(dist, 'samples/sample-report.docx')));
    assert.ok(existsSync(resolve(dist, 'node/cli/main.js')), 'webpack kept dist/node');
  });
});

describe('standalone host: 对比上一年报告', () => {
  it('keeps last year’s numbers for the open file only, and checks with them', async () => {
    const { host, controls } = testHost();
    await controls.open(await buildSeedDocx('002'), '2024.docx');
    const numbers = { source: '2023.docx', year: 2023, agency: null, carryForward: { natural: 4, total: 4 }, inForce: null };
    await host.savePreviousYear!(numbers);
    assert.deepEqual(await host.loadPreviousYear!(), numbers);
    const found = (await host.check({ ...options, previousYear: numbers })).lint.diagnostics.filter((d) => d.rule === 'cross-year');
    assert.deepEqual(found.map((d) => d.column), ['自然人', '总计']);
    await controls.open(await buildSeedDocx('003'), 'other.docx');
    assert.equal(await host.loadPreviousYear!(), null);
  });
});
