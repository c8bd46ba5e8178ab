import { strict as assert } from 'node:assert';
import { lintDocument } from '../../src/engine';
import { parseWordprocessingML } from '../../src/docmodel';
import { documentXml } from '../../src/generate';
import { documentXmlOf, openDocx } from '../../src/hosts/docx';
import { createWordHost, detectSupport, fixAllInWord, ribbonFixAll } from '../../src/hosts/word';
import { ACCEPT_CHANGES_NOTE, applyFixInWord } from '../../src/hosts/word/fixes';
import { WordHostError } from '../../src/hosts/word/errors';
import { capabilitiesOf, documentReadOnly } from '../../src/hosts/word/capabilities';
import { findingKey, type CheckOptions } from '../../src/hosts/report-host';
import { buildSeedDocx, type SeedId } from '../support/fixtures';
import { FakeWord, REAL_WORD, type FakeWordOptions } from '../support/fake-word';

/*
 * The Word host against the fake switched to behave like real Word where Microsoft's reference
 * says Word differs from a simple fake (see test/support/fake-word/index.ts, FakeWordOptions).
 */

const OPTIONS: CheckOptions = { currentYear: 2026, reportYear: null, trackChanges: false, comments: true };

async function fakeFor(id: SeedId, options: FakeWordOptions = {}): Promise<FakeWord> {
  return new FakeWord(documentXmlOf(openDocx(await buildSeedDocx(id))), options);
}
const lintFake = (word: FakeWord) => lintDocument(parseWordprocessingML(word.state.xml), { currentYear: 2026 });
const tablesText = (word: FakeWord) => word.state.topTables.map((t) => word.state.rows(t).map((r) => word.state.cellText(r)).join('/')).join('\n');

describe('Word host against a fake that behaves like real Word', () => {
  describe('failures in the middle of writing', () => {
    it('a write failing in fix-all leaves the user’s Track Changes mode as it was, and the error is typed', async () => {
      const word = await fakeFor('004', { api: 1.4, trackingMode: 'TrackMineOnly' });
      word.failOn({ match: /^TableCell\.value=/, code: 'GeneralException', times: 1 });
      const host = await createWordHost(word);
      await assert.rejects(host.fixAll({ ...OPTIONS, trackChanges: true }), (e: unknown) => e instanceof WordHostError && e.code === 'word-error' && /全部修复/.test(e.message));
      assert.equal(word.trackingMode, 'TrackMineOnly');
      assert.deepEqual(word.trackingLog, ['TrackAll', 'TrackMineOnly']);
    });

    it('fixes written before a failure are listed in the message', async () => {
      const word = await fakeFor('003');
      // The first pass reads the three tables and writes the heading; the second pass's reads fail.
      word.failOn({ match: /getOoxml/, code: 'GeneralException', after: 3 });
      await assert.rejects(fixAllInWord(word.Word.run, detectSupport(word.Office), OPTIONS), (e: unknown) => e instanceof WordHostError && /失败前已修改 1 处/.test(e.message) && /六、其他需要报告的事项|标题/.test(e.message));
    });

    it('a read-only or protected document (AccessDenied) gets a Chinese message and nothing is written', async () => {
      const word = await fakeFor('004');
      word.failOn({ match: /^TableCell\.value=/, code: 'AccessDenied' });
      const host = await createWordHost(word);
      const [first] = (await host.check(OPTIONS)).lint.diagnostics;
      await assert.rejects(host.applyFix(first.fix!, OPTIONS), (e: unknown) => e instanceof WordHostError && e.code === 'read-only' && /只读|受保护/.test(e.message));
      assert.equal(lintFake(word).diagnostics.length, 5);
    });

    it('payload limits of Word on the web and co-authoring conflicts get their own messages', async () => {
      const word = await fakeFor('004');
      word.failOn({ match: /getOoxml/, code: 'ResponsePayloadSizeLimitExceeded' });
      await assert.rejects((await createWordHost(word)).check(OPTIONS), (e: unknown) => e instanceof WordHostError && e.code === 'payload-too-large' && /网页版/.test(e.message));
      const other = await fakeFor('004');
      other.failOn({ match: /^TableCell\.value=/, code: 'Conflict' });
      await assert.rejects((await createWordHost(other)).fixAll(OPTIONS), (e: unknown) => e instanceof WordHostError && e.code === 'conflict' && /同时编辑/.test(e.message));
    });
  });

  describe('verify before every write', () => {
    // Row 1 has a vertical-merge continuation first: getCell(1, 2) is the w:tc "" under one
    // meaning of cellIndex and the "7" cell under the other.
    const merged = () => {
      const tc = (text: string, merge = '') => `<w:tc>${merge ? `<w:tcPr><w:vMerge${merge === 'restart' ? ' w:val="restart"' : ''}/></w:tcPr>` : ''}<w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
      return documentXml(`<w:p><w:r><w:t>标题</w:t></w:r></w:p><w:tbl><w:tr>${tc('A', 'restart')}${tc('x')}${tc('y')}${tc('z')}</w:tr><w:tr>${tc('', 'continue')}${tc('b')}${tc('')}${tc('7')}</w:tr></w:tbl><w:p/>`);
    };
    const fix = { description: '空白填 0', edits: [{ kind: 'set-cell-text' as const, tableIndex: 0, rowIndex: 1, cellIndex: 2, expected: '', text: '0' }] };
    const rowTexts = (word: FakeWord) => word.state.rows(word.topTable(0)).map((r) => word.state.cellText(r));

    for (const cellIndexing of ['tc', 'visible'] as const) {
      it(`getCell counting ${cellIndexing === 'tc' ? 'every w:tc' : 'visible cells only'}: the intended cell is written, no other`, async () => {
        const word = new FakeWord(merged(), { cellIndexing });
        const outcome = await applyFixInWord(word.Word.run, detectSupport(word.Office), fix, OPTIONS);
        assert.deepEqual(outcome, { applied: true, reason: null });
        assert.deepEqual([1, 2, 3].map((i) => word.state.cellText(word.state.cell(word.topTable(0), 1, i)!)), ['b', '0', '7'], rowTexts(word).join('|'));
      });
    }

    it('Word listing row marks as paragraphs: the heading fix is matched by text and no table cell changes', async () => {
      const word = await fakeFor('003', { rowMarkParagraphs: true });
      const host = await createWordHost(word);
      const tables = tablesText(word);
      const d = (await host.check(OPTIONS)).lint.diagnostics.find((x) => x.rule === 'section-heading')!;
      assert.ok(word.calls.includes('Body.getOoxml()'), 'Word’s list does not line up: the body’s OOXML is read');
      // By index alone, Word's item at the model's paragraph index is another paragraph.
      const index = (d.location as { paragraphIndex: number }).paragraphIndex;
      const wordTexts = await word.Word.run(async (context) => {
        const list = context.document.body.paragraphs.load('items/text');
        await context.sync();
        return list.items.map((p) => p.text);
      });
      assert.notEqual(wordTexts[index], lintFake(word).document.paragraphs.find((p) => p.paragraphIndex === index)!.text);
      const { applied, reason, undo } = await host.applyFix(d.fix!, OPTIONS);
      assert.deepEqual({ applied, reason }, { applied: true, reason: null });
      assert.ok(undo?.inverse, 'a text fix offers 撤销');
      assert.equal(tablesText(word), tables, 'no table cell was touched');
      assert.deepEqual(lintFake(word).diagnostics.filter((x) => x.rule === 'section-heading'), []);
    });
  });

  describe('OOXML as real Word speaks it', () => {
    it('full packages and a strict insertOoxml: the 2019 → 2021 migration still goes through', async () => {
      const word = await fakeFor('000', { fullPackages: true, strictInsertOoxml: true, joinAdjacentTables: true });
      const outcome = await fixAllInWord(word.Word.run, detectSupport(word.Office), OPTIONS);
      assert.ok(outcome.applied.length > 0);
      assert.equal(lintFake(word).template, '2021');
      assert.equal(word.state.topTables.length, 3);
    });

    it('a re-check while typing re-reads only the table whose text changed', async () => {
      const word = await fakeFor('004', { fullPackages: true });
      const host = await createWordHost(word);
      await host.check(OPTIONS);
      const reads = () => word.calls.filter((c) => c === 'Range.getOoxml()').length;
      assert.equal(reads(), 3);
      await host.check(OPTIONS);
      assert.equal(reads(), 3, 'nothing changed: no table re-read');
      const l = lintFake(word).diagnostics[0].location as { tableIndex: number; rowIndex: number; cellIndex: number };
      word.typeIntoCell(l.tableIndex, l.rowIndex, l.cellIndex, '5');
      const again = await host.check(OPTIONS);
      assert.equal(reads(), 4, 'one table changed: one re-read');
      assert.deepEqual(again.lint.diagnostics.map(findingKey), lintFake(word).diagnostics.map(findingKey));
    });

    it('insert template: after the cursor’s paragraph (never splitting it), tables kept apart', async () => {
      const word = await fakeFor('002', { caretInsert: true, strictInsertOoxml: true, joinAdjacentTables: true });
      const host = await createWordHost(word);
      word.selectParagraph(0);
      const first = word.state.paragraphText(word.state.paragraphs[0].node);
      const count = word.state.topTables.length;
      await host.insertTemplate('applications', OPTIONS);
      assert.equal(word.state.paragraphText(word.state.paragraphs[0].node), first, 'the cursor’s paragraph is whole');
      assert.equal(word.state.topTables.length, count + 1);
      word.selectCell(1, 5, 1);
      await host.insertTemplate('review', OPTIONS);
      assert.equal(word.state.topTables.length, count + 2, 'not joined with a neighbouring table');
    });
  });

  describe('Track Changes keeps what it replaced', () => {
    it('after a table is replaced under Track Changes the passes stop and the user is told to accept', async () => {
      const word = await fakeFor('000', { trackedRevisions: true, joinAdjacentTables: true, api: 1.6 });
      const outcome = await fixAllInWord(word.Word.run, detectSupport(word.Office), { ...OPTIONS, trackChanges: true });
      assert.deepEqual(outcome.notes, [ACCEPT_CHANGES_NOTE]);
      assert.equal(outcome.passes, 1);
      assert.equal(word.trackingMode, 'Off');
      assert.match(word.state.xml, /<w:trPr><w:del /, 'the old rows stay as tracked deletions');
      // The reader ignores the deleted rows: the document reads as the 2021 format.
      assert.equal(lintFake(word).template, '2021');
    });
  });

  describe('settings shared by the pane and the ribbon', () => {
    it('an ignore made in the pane is honoured by the ribbon’s 全部修复, and neither overwrites the other', async () => {
      const word = await fakeFor('004', { separateSettings: true });
      const pane = await createWordHost(word);
      await pane.saveSettings({ reportYear: null, trackChanges: false, comments: true });
      const ignoredFinding = lintFake(word).diagnostics[0];
      await pane.saveIgnored([findingKey(ignoredFinding)]);
      const message = await ribbonFixAll({ Word: word.Word, Office: word.RibbonOffice });
      assert.match(message, /已修复 4 处/);
      assert.deepEqual(lintFake(word).diagnostics.map(findingKey), [findingKey(ignoredFinding)]);
      await pane.saveSettings({ reportYear: 2025, trackChanges: false, comments: true });
      assert.deepEqual(word.settingsStore.get('nianbao.ignored'), [findingKey(ignoredFinding)], 'the pane’s save kept the ignore list');
    });
  });

  describe('events', () => {
    it('handlers are removed through their own context; Word’s events for our own edits do not break anything', async () => {
      const word = await fakeFor('004', { ownEditEvents: true });
      const host = await createWordHost(word);
      let changes = 0;
      const unsubscribe = host.watchChanges(() => changes++);
      await new Promise((r) => setTimeout(r, 5));
      await host.fixAll(OPTIONS);
      await new Promise((r) => setTimeout(r, 5));
      assert.ok(word.ownEditEventsFired > 0 && changes > 0, 'Word reported the add-in’s own edits');
      unsubscribe();
      await new Promise((r) => setTimeout(r, 5));
      assert.equal(word.handlers.length, 0);
    });
  });

  it('复制诊断信息: host, version, requirement sets and table shapes, never document text', async () => {
    const word = await fakeFor('004', REAL_WORD);
    const text = await (await createWordHost(word)).diagnostics!();
    assert.match(text, /宿主：Word；平台：PC；版本：16\.0\.fake/);
    assert.match(text, /WordApi: 1\.1 1\.2 1\.3 1\.4 1\.5 1\.6\n/);
    assert.match(text, /表格（顶层 3 个）/);
    assert.match(text, /表3：\d+ 行/);
    // No document text: none of the document's words (CJK runs of two or more) appears.
    const words = new Set(lintFake(word).document.paragraphs.map((p) => p.text).concat(lintFake(word).document.tables.flatMap((t) => t.rows.flatMap((r) => r.cells.map((c) => c.text)))).flatMap((t) => t.match(/[\u4e00-\u9fff]{4,}/g) ?? []));
    const leaked = [...words].filter((w) => text.includes(w));
    assert.deepEqual(leaked, []);
    assert.ok(words.size > 20, 'the check compares against real document words');
  });

  it('a document Word opened read-only is reported as such (fix buttons are then disabled), and the requirement-set text is exact', () => {
    const office = (mode: string) => ({ context: { document: { mode } } }) as unknown as typeof Office;
    assert.match(documentReadOnly(office('readOnly'))!, /只读/);
    assert.equal(documentReadOnly(office('readWrite')), null);
    const notes = capabilitiesOf({ tables: true, api14: false, api16: false }).notes.join('\n');
    assert.match(notes, /Microsoft 365 或零售版 Word 2208 及以上，或 Office 2024/);
    assert.match(notes, /批量授权版 Office 2019、2021 只有 1\.3/);
    assert.doesNotMatch(notes, /Word 2019 或更高版本/);
  });

  it('everything at once (REAL_WORD): check, fix-all and a clean re-check on seed 004', async () => {
    const word = await fakeFor('004', REAL_WORD);
    const host = await createWordHost(word);
    assert.equal((await host.check(OPTIONS)).lint.diagnostics.length, 5);
    const outcome = await host.fixAll(OPTIONS);
    assert.equal(outcome.applied.length, 5);
    assert.deepEqual(lintFake(word).diagnostics, []);
  });
});
