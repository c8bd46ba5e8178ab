import { strict as assert } from 'node:assert';
import { lintDocument, lintDocx } from '../../src/engine';
import { parseWordprocessingML } from '../../src/docmodel';
import { applyFixToDocx, documentXmlOf, openDocx } from '../../src/hosts/docx';
import { createWordHost, fixAllInWord, detectSupport, IGNORED_KEY, PANE_SETTINGS_KEY } from '../../src/hosts/word';
import { findingKey, type CheckOptions } from '../../src/hosts/report-host';
import { buildSeedDocx, deleteTableRow, removeParagraph, renderDocx, seedSpec, tablesOf, withFeeStatement, type SeedId } from '../support/fixtures';
import { FakeWord, type FakeWordOptions } from '../support/fake-word';
import { flipFlopDocx, FLOP, withFlipFlopRule } from '../support/flip-flop-rule';

const OPTIONS: CheckOptions = { currentYear: 2026, reportYear: null, trackChanges: false, comments: true };

async function fakeFor(id: SeedId, options: FakeWordOptions = {}): Promise<FakeWord> {
  return new FakeWord(documentXmlOf(openDocx(await buildSeedDocx(id))), options);
}

/** What the engine finds in the fake's document itself (not through the host). */
const lintFake = (word: FakeWord) => lintDocument(parseWordprocessingML(word.state.xml), { currentYear: 2026 });

describe('Word host against the fake Word API', () => {
  it('check finds the five empty cells of seed 004 where the .docx host does', async () => {
    const word = await fakeFor('004');
    const host = await createWordHost(word);
    const { lint } = await host.check(OPTIONS);
    assert.deepEqual(lint.diagnostics.map((d) => d.rule), Array(5).fill('empty-cell'));
    assert.deepEqual(lint.diagnostics.map((d) => d.location), lintFake(word).diagnostics.map((d) => d.location));
    for (const d of lint.diagnostics) {
      const l = d.location as { tableIndex: number; rowIndex: number; cellIndex: number };
      assert.equal(word.cellText(l.tableIndex, l.rowIndex, l.cellIndex), '');
    }
    assert.equal(word.syncs, 2, 'collections, then the tables’ OOXML');
  });

  it('applyFix writes the cell through the Cell API and a re-check is clean of it', async () => {
    const word = await fakeFor('004');
    const host = await createWordHost(word);
    const [first, ...rest] = (await host.check(OPTIONS)).lint.diagnostics;
    const outcome = await host.applyFix(first.fix!, OPTIONS);
    const { applied, reason, undo } = outcome;
    assert.deepEqual({ applied, reason }, { applied: true, reason: null });
    assert.ok(undo?.inverse, 'a text fix offers 撤销');
    const l = first.location as { tableIndex: number; rowIndex: number; cellIndex: number };
    assert.equal(word.cellText(l.tableIndex, l.rowIndex, l.cellIndex), '0');
    assert.ok(word.calls.includes(`Table.getCell(${l.rowIndex},${l.cellIndex})`) && word.calls.includes('TableCell.value="0"'));
    assert.ok(!word.calls.some((c) => c.startsWith('Range.insertOoxml')), 'no OOXML replacement for a cell edit');
    const again = await host.check(OPTIONS);
    assert.equal(again.lint.diagnostics.length, rest.length);
  });

  it('a stale fix (the user typed in the cell since the check) is skipped, never forced', async () => {
    const word = await fakeFor('004');
    const host = await createWordHost(word);
    const [first] = (await host.check(OPTIONS)).lint.diagnostics;
    const l = first.location as { tableIndex: number; rowIndex: number; cellIndex: number };
    word.typeIntoCell(l.tableIndex, l.rowIndex, l.cellIndex, '7');
    const outcome = await host.applyFix(first.fix!, OPTIONS);
    assert.equal(outcome.applied, false);
    assert.match(outcome.reason!, /内容已变化/);
    assert.equal(word.cellText(l.tableIndex, l.rowIndex, l.cellIndex), '7');
    assert.ok(!word.calls.some((c) => c.startsWith('TableCell.value=')));
  });

  it('fixAll on seed 004: nothing fixable left, at most three round trips per pass (read, verify, write)', async () => {
    const word = await fakeFor('004');
    const outcome = await fixAllInWord(word.Word.run, detectSupport(word.Office), OPTIONS);
    assert.equal(outcome.applied.length, 5);
    assert.deepEqual(outcome.remaining, []);
    assert.deepEqual(lintFake(word).diagnostics, []);
    // Two round trips for the first read (collections, tables' OOXML), then three per writing pass.
    assert.ok(word.syncs <= 2 + 3 * outcome.passes, `${word.syncs} syncs for ${outcome.passes} passes`);
  });

  it('writes bottom-up: an insertion anchored on a table is written before that table is replaced', async () => {
    // Heading 三 missing: its insertion is anchored after 表三 (the block before heading 四); 表三
    // also lacks a row, whose insertion replaces the table. Written top-down, the replacement
    // would leave the insertion without its anchor.
    let spec = withFeeStatement(seedSpec('002'));
    spec = removeParagraph(spec, '三、收到和处理政府信息公开申请情况');
    const rows = tablesOf(spec)[1].rows;
    spec = deleteTableRow(spec, 1, rows.findIndex((r) => r.cells.some((c) => c.text.replace(/\s/g, '') === '2.重复申请')));
    const bytes = await renderDocx(spec);
    const found = lintDocx(bytes, { currentYear: 2026 }).diagnostics;
    const heading = found.find((d) => d.rule === 'section-heading')!.suggestions[0];
    const row = found.find((d) => d.rule === 'missing-row')!.fix!;
    assert.ok(heading.edits.some((e) => e.kind === 'insert-after' && 'tableIndex' in e.after && e.after.tableIndex === 1), 'the heading goes after 表三');
    const both = { description: 'both', edits: [...row.edits, ...heading.edits] };

    const word = new FakeWord(documentXmlOf(openDocx(bytes)));
    const host = await createWordHost(word);
    await host.check(OPTIONS);
    const outcome = await host.applyFix(both, OPTIONS);
    assert.deepEqual({ applied: outcome.applied, reason: outcome.reason }, { applied: true, reason: null });
    const inDocx = lintDocx(applyFixToDocx(bytes, both).bytes, { currentYear: 2026 });
    const summary = (r: { diagnostics: { rule: string; message: string }[] }) => r.diagnostics.map((d) => `${d.rule} ${d.message}`);
    assert.deepEqual(summary(lintFake(word)), summary(inDocx), 'Word ends where the .docx host does');
    assert.deepEqual(lintFake(word).report.tables.map((t) => t.missingRows.length), [0, 0, 0]);
  });

  it('fixAll stops when a pass would bring back a state it had (a cycle): one pass written', async () => {
    const word = new FakeWord(documentXmlOf(openDocx(await flipFlopDocx())));
    const outcome = await withFlipFlopRule(() => fixAllInWord(word.Word.run, detectSupport(word.Office), OPTIONS));
    assert.equal(outcome.passes, 1);
    assert.deepEqual(outcome.applied.map((a) => a.description), [`改为${FLOP}`]);
  });

  it('fixAll leaves the findings the user ignored alone', async () => {
    const word = await fakeFor('004');
    const ignoredFinding = lintFake(word).diagnostics[0];
    const outcome = await fixAllInWord(word.Word.run, detectSupport(word.Office), { ...OPTIONS, ignoredKeys: [findingKey(ignoredFinding)] });
    assert.equal(outcome.applied.length, 4);
    assert.deepEqual(lintFake(word).diagnostics.map(findingKey), [findingKey(ignoredFinding)]);
  });

  it('fixAll on seed 000 moves the 2019 tables to the 2021 layout by OOXML replacement, with comments', async () => {
    const word = await fakeFor('000');
    const outcome = await fixAllInWord(word.Word.run, detectSupport(word.Office), OPTIONS);
    assert.ok(word.calls.includes('Range.insertOoxml(Replace)'));
    assert.deepEqual(outcome.remaining.filter((d) => d.fix), []);
    const after = lintFake(word);
    assert.equal(after.template, '2021');
    assert.deepEqual([...new Set(after.diagnostics.map((d) => d.rule))], ['unconfirmed-value']);
    assert.equal(word.comments.length, 7);
    assert.ok(word.comments.every((c) => c.text.length > 0 && word.cellText(c.tableIndex, c.rowIndex, c.cellIndex) !== undefined));
    // Two round trips for the first read (collections, tables' OOXML), then three per writing pass.
    assert.ok(word.syncs <= 2 + 3 * outcome.passes, `${word.syncs} syncs for ${outcome.passes} passes`);
  });

  it('tracked changes: TrackAll while fixing, the user’s mode restored afterwards', async () => {
    const word = await fakeFor('004', { api: 1.4, trackingMode: 'TrackMineOnly' });
    const host = await createWordHost(word);
    await host.fixAll({ ...OPTIONS, trackChanges: true });
    assert.deepEqual(word.trackingLog, ['TrackAll', 'TrackMineOnly']);
    assert.equal(word.trackingMode, 'TrackMineOnly');
  });

  it('reveal selects the finding’s cell', async () => {
    const word = await fakeFor('004');
    const host = await createWordHost(word);
    const d = (await host.check(OPTIONS)).lint.diagnostics[2];
    await host.reveal(d.location!);
    const l = d.location as { tableIndex: number; rowIndex: number; cellIndex: number };
    assert.deepEqual(word.selection, { kind: 'cell', tableId: word.topTable(l.tableIndex).id, rowIndex: l.rowIndex, cellIndex: l.cellIndex });
  });

  it('reveal selects a heading paragraph', async () => {
    const word = await fakeFor('003');
    const host = await createWordHost(word);
    const d = (await host.check(OPTIONS)).lint.diagnostics.find((x) => x.rule === 'section-heading')!;
    await host.reveal(d.location!);
    const index = (d.location as { paragraphIndex: number }).paragraphIndex;
    assert.deepEqual(word.selection, { kind: 'paragraph', id: word.state.paragraphs[index].id });
  });

  it('a heading fix goes through the paragraph API', async () => {
    const word = await fakeFor('003');
    const host = await createWordHost(word);
    const d = (await host.check(OPTIONS)).lint.diagnostics.find((x) => x.rule === 'section-heading')!;
    const { applied, reason, undo } = await host.applyFix(d.fix!, OPTIONS);
    assert.deepEqual({ applied, reason }, { applied: true, reason: null });
    assert.ok(undo?.inverse, 'a text fix offers 撤销');
    assert.ok(word.calls.some((c) => c.startsWith('Paragraph.insertText(')));
    assert.deepEqual((await host.check(OPTIONS)).lint.diagnostics, []);
  });

  it('insertTemplate with the cursor in a table inserts after that table, not inside it', async () => {
    const word = await fakeFor('002');
    const host = await createWordHost(word);
    const before = word.state.topTables.length;
    word.selectCell(1, 5, 1);
    await host.insertTemplate('review', OPTIONS);
    const tables = word.state.topTables;
    assert.equal(tables.length, before + 1);
    assert.equal(word.state.tables.length, tables.length, 'no nested table');
    assert.match(word.state.text(tables[2].node), /行政复议/);
    const between = word.state.paragraphs.filter((p) => p.depth === 0 && p.node.start >= tables[1].node.end && p.node.end <= tables[2].node.start);
    assert.ok(between.length >= 1, 'a paragraph keeps the tables apart');
  });

  it('insertTemplate at a body paragraph inserts the whole report there', async () => {
    const word = await fakeFor('004');
    const host = await createWordHost(word);
    word.selectParagraph(0);
    const tablesBefore = word.state.topTables.length;
    await host.insertTemplate('report', OPTIONS);
    assert.equal(word.state.topTables.length, tablesBefore + 3);
  });

  it('ignored keys round-trip through the document settings', async () => {
    const word = await fakeFor('001');
    const host = await createWordHost(word);
    assert.deepEqual(await host.loadIgnored(), []);
    await host.saveIgnored(['empty-cell|review|行政复议|尚未审结|', 'x']);
    word.settings.reopen();
    assert.deepEqual(await (await createWordHost(word)).loadIgnored(), ['empty-cell|review|行政复议|尚未审结|', 'x']);
    assert.ok(word.settings.saved.has(IGNORED_KEY));
  });

  it('the pane settings round-trip through the document settings, and odd stored values are ignored', async () => {
    const word = await fakeFor('001');
    const host = await createWordHost(word);
    assert.deepEqual(await host.loadSettings(), {});
    await host.saveSettings({ reportYear: 2024, trackChanges: true, comments: false });
    word.settings.reopen();
    assert.deepEqual(await (await createWordHost(word)).loadSettings(), { reportYear: 2024, trackChanges: true, comments: false });
    assert.ok(word.settings.saved.has(PANE_SETTINGS_KEY));
    word.settingsStore.set(PANE_SETTINGS_KEY, { reportYear: 'soon', comments: 'yes', trackChanges: false });
    assert.deepEqual(await host.loadSettings(), { trackChanges: false });
  });

  it('on a WordApi 1.3-only Word: no comments, no tracked changes, no events, nothing throws', async () => {
    const word = await fakeFor('000', { api: 1.3 });
    const host = await createWordHost(word);
    assert.equal(host.capabilities.comments, false);
    assert.equal(host.capabilities.trackChanges, false);
    assert.equal(host.capabilities.changeEvents, false);
    assert.ok(host.capabilities.notes.some((n) => n.includes('1.4')));
    const outcome = await host.fixAll({ ...OPTIONS, trackChanges: true, comments: true });
    assert.ok(outcome.applied.length > 0);
    assert.equal(word.comments.length, 0, 'values kept, comments skipped');
    assert.deepEqual(word.trackingLog, []);
    const unsubscribe = host.watchChanges(() => assert.fail('no events on 1.3'));
    unsubscribe();
  });

  it('watchChanges registers the 1.6 paragraph events and unregisters them', async () => {
    const word = await fakeFor('001');
    const host = await createWordHost(word);
    let changes = 0;
    const unsubscribe = host.watchChanges(() => changes++);
    await new Promise((r) => setTimeout(r, 5));
    assert.equal(word.handlers.length, 3);
    await word.fire('ParagraphChanged');
    assert.equal(changes, 1);
    unsubscribe();
    await new Promise((r) => setTimeout(r, 5));
    assert.equal(word.handlers.length, 0);
    await word.fire('ParagraphChanged');
    assert.equal(changes, 1);
  });

  it('falls back to the body’s OOXML when a table’s getOoxml fails, and does not need it otherwise', async () => {
    const word = await fakeFor('004');
    word.failures.bodyOoxml = true;
    assert.equal((await (await createWordHost(word)).check(OPTIONS)).lint.diagnostics.length, 5);
    word.failures = { bodyOoxml: false, tableOoxml: true };
    const host = await createWordHost(word);
    const { lint } = await host.check(OPTIONS);
    assert.deepEqual(lint.diagnostics.map((d) => d.location), lintFake(word).diagnostics.map((d) => d.location));
    assert.ok(word.calls.includes('Body.getOoxml()'));
    const outcome = await host.fixAll(OPTIONS);
    assert.equal(outcome.applied.length, 5);
    word.failures.bodyOoxml = true;
    await assert.rejects(host.check(OPTIONS), /无法读取文档内容/);
  });
});
