import { strict as assert } from 'node:assert';
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { lintDocx } from '../../src/engine';
import { fixAllDocx } from '../../src/hosts/docx';
import { buildSeedDocx, setApplicationsValue } from '../support/fixtures';
import { withDocumentXml } from '../support/fixtures/package-craft';

/**
 * Fixes on documents written by other tools (issue 8, items 1–3): other namespace prefixes, cell
 * text inside content controls and other wrappers, note references and fields beside the text.
 */

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const OPTIONS = { currentYear: 2026 };
const mainXml = (docx: Uint8Array) => strFromU8(unzipSync(docx)['word/document.xml']);

/** Seed 000 with one value written as a full-width zero: one safe fix (０ → 0) in a known cell. */
const withFullWidthZero = () => buildSeedDocx('000', (spec) => setApplicationsValue(spec, '2.重复申请', '科研机构', '０'));

/** Throws unless every prefix is bound and every tag closed. */
function assertOpens(xml: string): void {
  new SaxesParser({ xmlns: true }).write(xml).close();
}

/** Each tag's prefix `w:` renamed (elements and attributes), the declaration too: as ElementTree writes it. */
const renamePrefix = (xml: string, to: string) => xml
  .replace(/<(\/?)w:/g, `<$1${to}:`)
  .replace(/(<[^>]*?)\sxmlns:w=/, `$1 xmlns:${to}=`)
  .replace(/(<[^!?][^>]*>)/g, (tag) => tag.replace(/(\s)w:([\w-]+=)/g, `$1${to}:$2`));

/** Elements in the default namespace, attributes still under `w:` (a shape some generators write). */
const defaultNamespace = (xml: string) => xml
  .replace(/<(\/?)w:/g, '<$1')
  .replace(/<document\b/, `<document xmlns="${W_NS}"`);

/** The cell holding the full-width zero, as XML. */
function cellWith(xml: string, value: string): string {
  const at = xml.indexOf(`>${value}<`);
  assert.ok(at > 0, `the document holds ${value}`);
  const start = xml.lastIndexOf('<w:tc>', at);
  return xml.slice(start, xml.indexOf('</w:tc>', at) + '</w:tc>'.length);
}

/** The document with the run holding `value` changed by `wrap` (given the run's XML). */
function wrapRun(xml: string, value: string, wrap: (run: string) => string): string {
  const at = xml.indexOf(`>${value}<`);
  const start = xml.lastIndexOf('<w:r>', at);
  const end = xml.indexOf('</w:r>', at) + '</w:r>'.length;
  return xml.slice(0, start) + wrap(xml.slice(start, end)) + xml.slice(end);
}

/** The document with the paragraph holding `value` changed by `wrap`. */
function wrapParagraph(xml: string, value: string, wrap: (paragraph: string) => string): string {
  const at = xml.indexOf(`>${value}<`);
  const start = Math.max(xml.lastIndexOf('<w:p>', at), xml.lastIndexOf('<w:p ', at));
  const end = xml.indexOf('</w:p>', at) + '</w:p>'.length;
  return xml.slice(0, start) + wrap(xml.slice(start, end)) + xml.slice(end);
}

describe('fixes on documents from other tools', () => {
  describe('other namespace prefixes', () => {
    for (const [name, rewrite, prefix] of [
      ['ns0: (Python ElementTree)', (x: string) => renamePrefix(x, 'ns0'), 'ns0:'],
      ['a default namespace', defaultNamespace, ''],
    ] as const) {
      it(`${name}: fixes once, writes the document's own prefix, and the result opens`, async () => {
        const docx = withDocumentXml(await withFullWidthZero(), rewrite);
        const before = lintDocx(docx, OPTIONS).diagnostics.filter((d) => d.fix);
        assert.ok(before.some((d) => d.rule === 'not-a-number'), 'the full-width zero is found in the renamed document');

        const report = fixAllDocx(docx, OPTIONS);
        assert.ok(report.changed);
        assert.equal(report.applied.filter((a) => a.diagnostic.rule === 'not-a-number').length, 1, 'applied once, not once per pass');
        const xml = mainXml(report.bytes);
        assertOpens(xml);
        assert.doesNotMatch(xml, /<w:/, 'no element under an unbound w: prefix');
        assert.match(xml, new RegExp(`<${prefix}tc>`), 'cells keep the document prefix');
        assert.deepEqual(lintDocx(report.bytes, OPTIONS).diagnostics.filter((d) => d.fix).map((d) => d.rule), []);
      });
    }

    it('the fixed ns0: document is the fixed w: document written with ns0:, byte for byte', async () => {
      const docx = await withFullWidthZero();
      const expected = renamePrefix(mainXml(fixAllDocx(docx, OPTIONS).bytes), 'ns0');
      const actual = mainXml(fixAllDocx(withDocumentXml(docx, (x) => renamePrefix(x, 'ns0')), OPTIONS).bytes);
      assert.ok(actual === expected, 'same bytes (migrated tables, comments marks and all)');
    });
  });

  describe('cell text inside wrappers is replaced in place', () => {
    const wrappers: [string, (xml: string) => string][] = [
      ['a block content control (w:sdt around the paragraph)', (x) => wrapParagraph(x, '０', (p) => `<w:sdt><w:sdtPr><w:alias w:val="数值"/></w:sdtPr><w:sdtContent>${p}</w:sdtContent></w:sdt>`)],
      ['a run content control', (x) => wrapRun(x, '０', (r) => `<w:sdt><w:sdtPr/><w:sdtContent>${r}</w:sdtContent></w:sdt>`)],
      ['w:customXml', (x) => wrapRun(x, '０', (r) => `<w:customXml w:element="value">${r}</w:customXml>`)],
      ['w:smartTag', (x) => wrapRun(x, '０', (r) => `<w:smartTag w:element="number">${r}</w:smartTag>`)],
      ['w:hyperlink', (x) => wrapRun(x, '０', (r) => `<w:hyperlink w:anchor="x">${r}</w:hyperlink>`)],
      ['a tracked insertion', (x) => wrapRun(x, '０', (r) => `<w:ins w:id="901" w:author="a" w:date="2025-01-01T00:00:00Z">${r}</w:ins>`)],
    ];
    for (const [name, wrap] of wrappers) {
      it(name, async () => {
        const docx = withDocumentXml(await withFullWidthZero(), wrap);
        const report = fixAllDocx(docx, OPTIONS);
        const fixed = lintDocx(report.bytes, OPTIONS);
        const cell = fixed.document.tables.flatMap((t) => t.rows.flatMap((r) => r.cells)).find((c) => c.source.start === -1);
        assert.equal(cell, undefined);
        const xml = mainXml(report.bytes);
        assertOpens(xml);
        assert.doesNotMatch(xml, /０/, 'the old text is gone');
        assert.equal(fixed.diagnostics.filter((d) => d.rule === 'not-a-number' || d.rule === 'sum-mismatch').length, 0, 'the value reads as 0 (not 00 or 0¶0)');
        const edited = cellWith(mainXml(docx), '０');
        const wrapper = /<w:(sdt|customXml|smartTag|hyperlink|ins)\b/.exec(edited)?.[1];
        assert.ok(wrapper && xml.includes(`<w:${wrapper}`), 'the wrapper stays');
      });
    }
  });

  describe('what shares a run with the fixed text survives', () => {
    const marks: [string, string][] = [
      ['a footnote reference', '<w:footnoteReference w:id="1"/>'],
      ['an endnote reference', '<w:endnoteReference w:id="1"/>'],
      ['a symbol', '<w:sym w:font="Wingdings" w:char="F0FC"/>'],
      ['a comment reference', '<w:commentReference w:id="77"/>'],
      ['a drawing', '<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="1" cy="1"/><wp:docPr id="99" name="p"/></wp:inline></w:drawing>'],
      ['a field character', '<w:fldChar w:fldCharType="begin"/>'],
      ['a page break', '<w:br w:type="page"/>'],
    ];
    for (const [name, mark] of marks) {
      it(name, async () => {
        const docx = withDocumentXml(await withFullWidthZero(), (x) => wrapRun(x, '０', (r) => r.replace('</w:r>', `${mark}</w:r>`)));
        const report = fixAllDocx(docx, OPTIONS);
        assert.ok(report.applied.some((a) => a.diagnostic.rule === 'not-a-number'));
        const xml = mainXml(report.bytes);
        assertOpens(xml);
        assert.ok(xml.includes(mark), `${mark} is kept`);
        assert.doesNotMatch(xml, /０/);
      });
    }

    it('bookmarks and comment ranges around the text stay in the cell', async () => {
      const docx = withDocumentXml(await withFullWidthZero(), (x) => wrapRun(x, '０', (r) =>
        `<w:bookmarkStart w:id="55" w:name="mark"/><w:commentRangeStart w:id="77"/>${r}<w:commentRangeEnd w:id="77"/><w:bookmarkEnd w:id="55"/>`));
      const xml = mainXml(fixAllDocx(docx, OPTIONS).bytes);
      for (const mark of ['<w:bookmarkStart w:id="55" w:name="mark"/>', '<w:commentRangeStart w:id="77"/>', '<w:commentRangeEnd w:id="77"/>', '<w:bookmarkEnd w:id="55"/>']) {
        assert.ok(xml.includes(mark), `${mark} is kept`);
      }
    });
  });

  describe('hidden text (w:vanish) in a fixed cell', () => {
    const HIDDEN = '<w:r><w:rPr><w:vanish/></w:rPr><w:t>（填报说明：只填整数）</w:t></w:r>';

    for (const [name, place] of [['before the value', 'before'], ['after the value', 'after']] as const) {
      it(`${name}: is not read as part of the value, stays hidden where it was, and the new value is visible`, async () => {
        const docx = withDocumentXml(await withFullWidthZero(), (x) => wrapRun(x, '０', (r) => (place === 'before' ? HIDDEN + r : r + HIDDEN)));
        const finding = lintDocx(docx, OPTIONS).diagnostics.find((d) => d.rule === 'not-a-number');
        assert.ok(finding && !finding.message.includes('填报说明'), 'the finding is about ０ alone');
        const report = fixAllDocx(docx, OPTIONS);
        assert.ok(report.applied.some((a) => a.diagnostic.rule === 'not-a-number'));
        const xml = mainXml(report.bytes);
        assertOpens(xml);
        assert.ok(xml.includes(HIDDEN), 'the hidden run is kept as it was');
        const cell = cellWith(xml, '0');
        assert.doesNotMatch(cell.replace(HIDDEN, ''), /<w:vanish/, 'the new value is not hidden');
        assert.deepEqual(lintDocx(report.bytes, OPTIONS).diagnostics.filter((d) => d.rule === 'not-a-number'), []);
      });
    }
  });
});
