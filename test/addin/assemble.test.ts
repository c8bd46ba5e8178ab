import { strict as assert } from 'node:assert';
import { parseWordprocessingML } from '../../src/docmodel';
import { documentXml } from '../../src/generate';
import { assembleDocumentXml } from '../../src/hosts/word/assemble';
import { fixAllSummary } from '../../src/hosts/word';
import { FakeWord } from '../support/fake-word';

const p = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
const cell = (content: string) => `<w:tc>${content}</w:tc>`;
const table = (...rows: string[][]) => `<w:tbl>${rows.map((r) => `<w:tr>${r.map(cell).join('')}</w:tr>`).join('')}</w:tbl>`;

describe('assembling a document from Word’s paragraphs and the tables’ OOXML', () => {
  it('paragraph and table indices match a parse of the real document, nested tables included', () => {
    const body = p('标题') + table([p('a'), p('b') + table([p('inner')])], [p('c'), p('d')]) + p('一、总体情况') + '<w:p><w:r><w:t>x</w:t><w:br/><w:t>y</w:t></w:r></w:p>' + table([p('e')]) + p('');
    const original = documentXml(body);
    const word = new FakeWord(original);
    const paragraphs = word.state.paragraphs.map((e) => ({ text: word.state.paragraphText(e.node), tableNestingLevel: e.depth, isListItem: false }));
    const tables = word.state.topTables.map((t) => word.state.text(t.node));
    const assembled = parseWordprocessingML(assembleDocumentXml(paragraphs, tables)!);
    const direct = parseWordprocessingML(original);
    const shape = (m: typeof direct) => m.blocks.map((b) => (b.kind === 'paragraph' ? `p${b.paragraphIndex}:${b.text}` : `t${b.tableIndex}:${b.rows.map((r) => r.cells.map((c) => c.text).join('|')).join('/')}`));
    assert.deepEqual(shape(assembled), shape(direct));
  });

  it('gives null when Word’s paragraphs and the tables do not line up', () => {
    assert.equal(assembleDocumentXml([{ text: 'a', tableNestingLevel: 1, isListItem: false }], [table([p('a'), p('b')])]), null);
    assert.equal(assembleDocumentXml([{ text: 'a', tableNestingLevel: 0, isListItem: false }], [table([p('a')])]), null);
  });

  it('summarises a fix-all in Chinese', () => {
    assert.equal(fixAllSummary({ applied: [], skipped: [], remaining: [] }), '没有可以自动修复的问题。文档已符合年度报告格式。');
  });
});
