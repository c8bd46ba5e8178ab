import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseWordprocessingML } from '../../src/docmodel';
import { lintDocument, lintDocx } from '../../src/engine';
import { documentXmlOf, openDocx } from '../../src/hosts/docx';
import { createWpsHost, fixAllInWps, wpsApplication, IGNORED_VARIABLE } from '../../src/hosts/wps';
import { NEEDS_XML } from '../../src/hosts/wps/write';
import { findingKey, type CheckOptions } from '../../src/hosts/report-host';
import { buildSeedDocx, type SeedId } from '../support/fixtures';
import { FakeWps, type FakeWpsOptions } from '../support/fake-wps';
import { flipFlopDocx, FLIP, withFlipFlopRule } from '../support/flip-flop-rule';

const OPTIONS: CheckOptions = { currentYear: 2026, reportYear: null, trackChanges: false, comments: true };
const SAMPLE = path.resolve(__dirname, '../../samples/sample-report.docx');

async function fakeFor(id: SeedId, options: FakeWpsOptions = {}): Promise<FakeWps> {
  return new FakeWps(documentXmlOf(openDocx(await buildSeedDocx(id))), options);
}
const sampleFake = (options: FakeWpsOptions = {}) => new FakeWps(documentXmlOf(openDocx(new Uint8Array(readFileSync(SAMPLE)))), options);

/** What the engine finds in the fake's document itself (not through the host). */
const lintFake = (wps: FakeWps) => lintDocument(parseWordprocessingML(wps.state.xml), { currentYear: 2026 });
const cellAt = (l: unknown) => l as { tableIndex: number; rowIndex: number; cellIndex: number };
const writes = (wps: FakeWps) => wps.calls.filter((c) => /^(Cell\.Range\.Text=|Paragraph\.Range\.Text=|Range\.InsertXML|Table\.Delete)/.test(c));

describe('WPS host against the fake WPS object model', () => {
  it('finds on the sample report what the engine finds in its XML, tables read as WordOpenXML', () => {
    const wps = sampleFake();
    const host = createWpsHost(wps.application);
    return host.check(OPTIONS).then(({ lint, documentName }) => {
      const direct = lintFake(wps).diagnostics;
      assert.ok(direct.length > 0);
      assert.deepEqual(lint.diagnostics.map((d) => [d.rule, d.location]), direct.map((d) => [d.rule, d.location]));
      assert.ok(wps.calls.some((c) => c === 'Range.WordOpenXML(table)'));
      assert.equal(documentName, '年度报告.docx');
      assert.equal(host.capabilities.kind, 'wps');
    });
  });

  it('without WordOpenXML the tables are rebuilt from their cells: seed 004’s five empty cells are found and fixed', async () => {
    const wps = await fakeFor('004', { wordOpenXml: false });
    const host = createWpsHost(wps.application);
    const { lint } = await host.check(OPTIONS);
    assert.ok(wps.calls.includes('Table.Range.Cells'));
    assert.deepEqual(lint.diagnostics.map((d) => d.rule), Array(5).fill('empty-cell'));
    for (const d of lint.diagnostics) {
      const l = cellAt(d.location);
      assert.equal(wps.cellText(l.tableIndex, l.rowIndex, l.cellIndex), '', `${d.message} points at an empty cell`);
    }
    const outcome = await host.fixAll(OPTIONS);
    assert.equal(outcome.applied.length, 5);
    assert.deepEqual(lintFake(wps).diagnostics, []);
  });

  it('without WordOpenXML the sample’s findings are still the engine’s (merges rebuilt from cell widths)', async () => {
    const wps = sampleFake({ wordOpenXml: false });
    const { lint } = await createWpsHost(wps.application).check(OPTIONS);
    assert.deepEqual(lint.diagnostics.map((d) => [d.rule, d.location]), lintFake(wps).diagnostics.map((d) => [d.rule, d.location]));
  });

  it('applyFix re-reads the cell, writes it through Cell.Range.Text, and a re-check is clean of it', async () => {
    const wps = await fakeFor('004');
    const host = createWpsHost(wps.application);
    const [first, ...rest] = (await host.check(OPTIONS)).lint.diagnostics;
    const l = cellAt(first.location);
    wps.calls = [];
    const { undo, ...outcome } = await host.applyFix(first.fix!, OPTIONS);
    assert.deepEqual(outcome, { applied: true, reason: null });
    assert.ok(undo, 'a text fix can be taken back');
    assert.equal(wps.cellText(l.tableIndex, l.rowIndex, l.cellIndex), '0');
    const cell = `Table.Cell(${l.rowIndex + 1},${l.cellIndex + 1})`;
    const read = wps.calls.indexOf(cell);
    assert.ok(read >= 0 && read < wps.calls.indexOf('Cell.Range.Text="0"'), `1-based cell read before the write: ${wps.calls.filter((c) => !c.includes('Item(')).join(' | ')}`);
    assert.deepEqual(writes(wps), ['Cell.Range.Text="0"']);
    assert.equal((await host.check(OPTIONS)).lint.diagnostics.length, rest.length);
  });

  it('撤销 writes the old text back, and is skipped once the user has typed over the fixed cell', async () => {
    const wps = await fakeFor('004');
    const host = createWpsHost(wps.application);
    const [first, second] = (await host.check(OPTIONS)).lint.diagnostics;
    const at = cellAt(first.location);
    const before = wps.cellText(at.tableIndex, at.rowIndex, at.cellIndex);
    const fixed = await host.applyFix(first.fix!, OPTIONS);
    assert.deepEqual(await host.undo(fixed.undo!, OPTIONS), { applied: true, reason: null });
    assert.equal(wps.cellText(at.tableIndex, at.rowIndex, at.cellIndex), before);

    const other = cellAt(second.location);
    const secondFix = await host.applyFix(second.fix!, OPTIONS);
    wps.typeIntoCell(other.tableIndex, other.rowIndex, other.cellIndex, '9');
    const refused = await host.undo(secondFix.undo!, OPTIONS);
    assert.equal(refused.applied, false);
    assert.match(refused.reason!, /WPS 中按 Ctrl\+Z/);
    assert.equal(wps.cellText(other.tableIndex, other.rowIndex, other.cellIndex), '9');
  });

  it('a stale fix (the user typed in the cell since the check) is skipped, never forced', async () => {
    const wps = await fakeFor('004');
    const host = createWpsHost(wps.application);
    const [first] = (await host.check(OPTIONS)).lint.diagnostics;
    const l = cellAt(first.location);
    wps.typeIntoCell(l.tableIndex, l.rowIndex, l.cellIndex, '7');
    const outcome = await host.applyFix(first.fix!, OPTIONS);
    assert.equal(outcome.applied, false);
    assert.match(outcome.reason!, /内容已变化/);
    assert.equal(wps.cellText(l.tableIndex, l.rowIndex, l.cellIndex), '7');
    assert.deepEqual(writes(wps), []);
  });

  it('fixAll stops going in circles: WPS writes before it can ask, so the pass back to the start is the last', async () => {
    const wps = new FakeWps(documentXmlOf(openDocx(await flipFlopDocx())));
    const outcome = await withFlipFlopRule(() => fixAllInWps(wps.application.ActiveDocument!, OPTIONS));
    assert.equal(outcome.passes, 2);
    assert.ok(lintFake(wps).document.paragraphs.some((p) => p.text === FLIP), 'back where it started');
  });

  it('全部修复 on the sample: nothing fixable left, the heading written without its paragraph mark', async () => {
    const wps = sampleFake();
    const outcome = fixAllInWps(wps.application.ActiveDocument!, OPTIONS);
    assert.ok(outcome.applied.length > 0);
    assert.deepEqual(outcome.remaining.filter((d) => d.fix).map((d) => d.rule), []);
    assert.deepEqual(lintFake(wps).diagnostics.filter((d) => d.fix).map((d) => d.rule), []);
    assert.ok(wps.calls.some((c) => c.startsWith('Paragraph.Range.Text="六、')), writes(wps).join(' | '));
    assert.ok(outcome.passes <= 11);
  });

  it('fixes go in as 修订 when asked, and the user’s setting is restored', async () => {
    const wps = await fakeFor('004');
    await createWpsHost(wps.application).fixAll({ ...OPTIONS, trackChanges: true });
    assert.ok(wps.writesTracked.length > 0 && wps.writesTracked.every(Boolean));
    assert.equal(wps.trackRevisions, false);
  });

  it('fixAll leaves the findings the user ignored alone', async () => {
    const wps = await fakeFor('004');
    const ignored = lintFake(wps).diagnostics[0];
    const outcome = fixAllInWps(wps.application.ActiveDocument!, { ...OPTIONS, ignoredKeys: [findingKey(ignored)] });
    assert.equal(outcome.applied.length, 4);
    assert.deepEqual(lintFake(wps).diagnostics.map(findingKey), [findingKey(ignored)]);
  });

  it('seed 000’s 2019 tables move to the 2021 layout by Range.InsertXML, with comments on values to confirm', async () => {
    const wps = await fakeFor('000');
    const outcome = fixAllInWps(wps.application.ActiveDocument!, OPTIONS);
    assert.ok(wps.calls.includes('Range.InsertXML(table)'));
    assert.deepEqual(outcome.remaining.filter((d) => d.fix), []);
    const after = lintFake(wps);
    assert.equal(after.template, '2021');
    assert.deepEqual([...new Set(after.diagnostics.map((d) => d.rule))], ['unconfirmed-value']);
    assert.ok(wps.comments.length > 0 && wps.comments.every((c) => c.text.length > 0));
  });

  it('without InsertXML structural fixes are skipped with a plain way out, the tables untouched', async () => {
    const wps = await fakeFor('000', { insertXml: false });
    const host = createWpsHost(wps.application);
    assert.ok(host.capabilities.notes.some((n) => n.includes('XML')));
    const tablesBefore = wps.state.topTables.map((t) => wps.state.text(t.node));
    const outcome = await host.fixAll(OPTIONS);
    assert.ok(outcome.skipped.length > 0);
    assert.ok(outcome.skipped.every((s) => s.reason === NEEDS_XML || /内容已变化|重叠/.test(s.reason)), outcome.skipped.map((s) => s.reason).join(' | '));
    assert.ok(outcome.skipped.some((s) => s.reason === NEEDS_XML));
    assert.ok(!wps.calls.some((c) => c.startsWith('Range.InsertXML')));
    assert.equal(wps.state.topTables.length, tablesBefore.length);
    await assert.rejects(host.insertTemplate('report', OPTIONS), /不支持插入 XML/);
  });

  it('without InsertXML 全部修复 offers a fixed copy: every fix made in a new .docx, the open document untouched', async () => {
    const wps = await fakeFor('000', { insertXml: false });
    const saved: { bytes: Uint8Array; fileName: string; mimeType: string }[] = [];
    const host = createWpsHost(wps.application, (bytes, fileName, mimeType) => saved.push({ bytes, fileName, mimeType }));
    const outcome = await host.fixAll(OPTIONS);
    assert.ok(outcome.skipped.some((s) => s.reason === NEEDS_XML));
    const before = wps.state.xml;
    const writesBefore = writes(wps).length;
    const message = await host.saveFixedCopy!(OPTIONS);
    assert.equal(wps.state.xml, before, 'the open document is not touched');
    assert.equal(writes(wps).length, writesBefore);
    assert.equal(saved.length, 1);
    assert.equal(saved[0].fileName, '年度报告-已修复.docx');
    assert.match(message, /年度报告-已修复\.docx/);
    // The copy holds what WPS could not write: no fixable finding is left in it.
    const copy = lintDocx(saved[0].bytes, { currentYear: 2026 });
    assert.ok(copy.isReport);
    assert.deepEqual(copy.diagnostics.filter((d) => d.fix).map((d) => d.message), []);
    assert.ok(lintFake(wps).diagnostics.some((d) => d.fix), 'the open document still has them');
  });

  it('with InsertXML there is no copy to offer: the fixes go into the document', async () => {
    const host = createWpsHost((await fakeFor('000')).application);
    assert.equal(host.saveFixedCopy, undefined);
  });

  it('reveal selects the finding’s cell (1-based) or heading paragraph', async () => {
    const wps = sampleFake();
    const host = createWpsHost(wps.application);
    const { diagnostics } = (await host.check(OPTIONS)).lint;
    const onCell = diagnostics.find((d) => d.location && 'cellIndex' in d.location && d.location.cellIndex !== null)!;
    await host.reveal(onCell.location!);
    assert.deepEqual(wps.selected(), onCell.location);
    const onHeading = diagnostics.find((d) => d.location && 'paragraphIndex' in d.location)!;
    await host.reveal(onHeading.location!);
    assert.deepEqual(wps.selected(), onHeading.location);
  });

  it('插入模板 with the cursor in a table inserts after that table, not inside it', async () => {
    const wps = await fakeFor('002');
    const host = createWpsHost(wps.application);
    const before = wps.state.topTables.length;
    wps.selection = { kind: 'cell', tableId: wps.topTable(1).id, rowIndex: 5, cellIndex: 1 };
    await host.insertTemplate('review', OPTIONS);
    const tables = wps.state.topTables;
    assert.equal(tables.length, before + 1);
    assert.equal(wps.state.tables.length, tables.length, 'no nested table');
    assert.match(wps.state.text(tables[2].node), /行政复议/);
  });

  it('插入模板 at a body paragraph inserts the whole report after it', async () => {
    const wps = await fakeFor('004');
    wps.selectParagraph(0);
    const before = wps.state.topTables.length;
    await createWpsHost(wps.application).insertTemplate('report', OPTIONS);
    assert.equal(wps.state.topTables.length, before + 3);
    assert.ok(wps.state.topTables[0].node.start > wps.state.paragraphs[0].node.end, 'after the cursor paragraph');
  });

  it('ignored findings and settings are stored as document variables (JSON), odd values ignored', async () => {
    const wps = await fakeFor('001');
    const host = createWpsHost(wps.application);
    assert.deepEqual(await host.loadIgnored(), []);
    await host.saveIgnored(['a', 'b', 'a']);
    await host.saveIgnored(['a', 'c']);
    assert.deepEqual(await createWpsHost(wps.application).loadIgnored(), ['a', 'c']);
    assert.equal(wps.variables.filter((v) => v.Name === IGNORED_VARIABLE).length, 1);
    await host.saveSettings({ reportYear: 2024, trackChanges: true, comments: false });
    assert.deepEqual(await host.loadSettings(), { reportYear: 2024, trackChanges: true, comments: false });
    wps.variables.find((v) => v.Name === 'nianbao.settings')!.Value = '{"reportYear":"soon","comments":false';
    assert.deepEqual(await host.loadSettings(), {});
  });

  it('no open document: a clear Chinese message, not a crash', async () => {
    const host = createWpsHost({ ActiveDocument: null, Selection: null as never });
    await assert.rejects(host.check(OPTIONS), /没有打开的文档/);
  });

  it('wpsApplication finds WPS’s Application and nothing in a plain browser or Word', async () => {
    const wps = await fakeFor('001');
    assert.equal(wpsApplication({ wps: { WpsApplication: () => wps.application } }), wps.application);
    assert.equal(wpsApplication({ Application: wps.application }), wps.application);
    assert.equal(wpsApplication({}), null);
    assert.equal(wpsApplication({ Application: {} as never }), null);
  });
});

describe('the fake WPS object model behaves like Word’s classic one', () => {
  it('is 1-based, ends cell text in \\r\\u0007, and raises on merged-away cells', () => {
    const wps = sampleFake();
    const doc = wps.application.ActiveDocument!;
    assert.throws(() => doc.Tables.Item(0));
    const table = doc.Tables.Item(1);
    assert.match(table.Cell(1, 1).Range.Text, /\r\u0007$/);
    const merged = lintFake(wps).document.tables.flatMap((t) => t.rows.flatMap((r) => r.cells.filter((c) => c.verticalMerge === 'continue').map((c) => ({ t: t.tableIndex, r: r.rowIndex, c: c.cellIndex }))));
    assert.ok(merged.length > 0, 'the sample has vertical merges');
    const m = merged[0];
    assert.throws(() => doc.Tables.Item(m.t + 1).Cell(m.r + 1, m.c + 1), /纵向合并/);
  });
});
