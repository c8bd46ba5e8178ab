import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8 } from 'fflate';
import { samePath, writeFileAtomic } from '../src/cli/io';
import { EXIT_FINDINGS, EXIT_UNREADABLE_OR_USAGE, runCli } from '../src/cli/main';
import { DocumentReadError } from '../src/docmodel';
import { lintDocx } from '../src/engine';
import { fixAllDocx } from '../src/hosts/docx';
import { fixedName } from '../src/hosts/browser/standalone-host';
import { buildSeedDocx } from './support/fixtures';
import { partsOf, text, withDocumentXml, zipOf } from './support/fixtures/package-craft';
import { CURRENT_YEAR, testHost } from './taskpane/support';

const options = { currentYear: CURRENT_YEAR };
const TABLE = /<w:tbl>[\s\S]*?<\/w:tbl>/g;
const messages = (bytes: Uint8Array) => lintDocx(bytes, options).diagnostics.map((d) => `${d.rule} ${d.message}`);

/** A table in a modern text box (wps) with its VML fallback, as Word writes it: the same table twice in the XML. */
const inTextBox = (table: string) =>
  '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
  + '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
  + '<wp:extent cx="5400000" cy="3600000"/><wp:wrapTopAndBottom/><wp:docPr id="1" name="文本框 1"/>'
  + '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr/>'
  + `<wps:txbx><w:txbxContent>${table}<w:p/></w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>`
  + `<mc:Fallback><w:pict><v:shape id="文本框 1" type="#_x0000_t202"><v:textbox><w:txbxContent>${table}<w:p/></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`;

/** An old-style (VML only) text box. */
const inVmlTextBox = (table: string) => `<w:p><w:r><w:pict><v:shape id="tb" type="#_x0000_t202"><v:textbox><w:txbxContent>${table}<w:p/></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>`;

function runCapturing(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), readFile: (p) => readFileSync(p), writeFileAtomic, samePath, currentYear: CURRENT_YEAR });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('reading what Word shows', () => {
  let seed: Uint8Array;
  let expected: string[];

  before(async () => {
    seed = await buildSeedDocx('004'); // five blank cells, all fixable
    expected = messages(seed);
    assert.equal(expected.length, 5);
  });

  /** Lint finds what it finds in the plain seed; fix applies all five and the result lints clean; the browser host agrees. */
  async function assertReadLikeTheSeed(docx: Uint8Array) {
    assert.deepEqual(messages(docx), expected);
    const fixed = fixAllDocx(docx, options);
    assert.equal(fixed.applied.length, 5);
    assert.deepEqual(messages(fixed.bytes), []);
    const { host, controls } = testHost();
    await controls.open(docx, 'x.docx');
    const paneOptions = { currentYear: CURRENT_YEAR, reportYear: null, trackChanges: false, comments: false };
    assert.equal((await host.check(paneOptions)).lint.diagnostics.length, 5);
    const outcome = await host.fixAll(paneOptions);
    assert.equal(outcome.applied.length, 5);
    assert.deepEqual(outcome.remaining, []);
    return fixed;
  }

  it('tables in text boxes are found once (mc:Choice read, mc:Fallback not) and fixed', async () => {
    const docx = withDocumentXml(seed, (xml) => xml.replace(TABLE, inTextBox));
    assert.equal((text(partsOf(docx).find(([n]) => n === 'word/document.xml')![1]).match(/<w:tbl>/g) ?? []).length, 6);
    await assertReadLikeTheSeed(docx);
  });

  it('tables in old VML text boxes (no AlternateContent) are found and fixed', async () => {
    await assertReadLikeTheSeed(withDocumentXml(seed, (xml) => xml.replace(TABLE, inVmlTextBox)));
  });

  it('text in a text box does not join the text of the paragraph anchoring it', () => {
    const docx = withDocumentXml(seed, (xml) => xml.replace('</w:body>', `${inTextBox('<w:p><w:r><w:t>框内</w:t></w:r></w:p>').replace('<w:p><w:r>', '<w:p><w:r><w:t>锚</w:t></w:r><w:r>')}</w:body>`));
    const paragraphs = lintDocx(docx, options).document.paragraphs.map((p) => p.text);
    assert.ok(paragraphs.includes('锚'));
    assert.equal(paragraphs.filter((p) => p === '框内').length, 1);
  });

  it('tables inside a layout table of several cells are found and fixed', async () => {
    // Each report table in the right-hand cell of a two-cell layout row, a caption on the left.
    const docx = withDocumentXml(seed, (xml) => xml.replace(TABLE, (table) =>
      `<w:tbl><w:tblGrid><w:gridCol w:w="1000"/><w:gridCol w:w="8000"/></w:tblGrid><w:tr><w:tc><w:p><w:r><w:t>续</w:t></w:r></w:p></w:tc><w:tc>${table}<w:p/></w:tc></w:tr></w:tbl>`));
    await assertReadLikeTheSeed(docx);
  });

  it('a main part named elsewhere (single-quoted, ./ target in _rels/.rels) is read by lint and fix alike', async () => {
    const moved = partsOf(seed).map(([name, bytes]): [string, Uint8Array] => {
      if (name === 'word/document.xml') return ['word/main.xml', bytes];
      if (name === 'word/_rels/document.xml.rels') return ['word/_rels/main.xml.rels', bytes];
      if (name === '[Content_Types].xml') return [name, strToU8(text(bytes).replace('/word/document.xml', '/word/main.xml'))];
      if (name === '_rels/.rels') {
        return [name, strToU8(text(bytes).replace(/<Relationship Id="rId1"[^>]*\/>/, `<Relationship Target='./word/main.xml' Id='rId1' Type='http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument'/>`))];
      }
      return [name, bytes];
    });
    const docx = zipOf(moved);
    const fixed = await assertReadLikeTheSeed(docx);
    const names = partsOf(fixed.bytes).map(([n]) => n);
    assert.ok(names.includes('word/main.xml') && !names.includes('word/document.xml'), names.join());
  });

  it('Word XML text (flat OPC, or a bare document.xml) is fixed like a .docx and stays XML text', async () => {
    const documentXml = text(partsOf(seed).find(([n]) => n === 'word/document.xml')![1]);
    const flat = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><?mso-application progid="Word.Document"?>'
      + '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage"><pkg:part pkg:name="/word/document.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"><pkg:xmlData>'
      + documentXml.replace(/^<\?xml[^>]*\?>/, '') + '</pkg:xmlData></pkg:part></pkg:package>';
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-flat-'));
    try {
      for (const [name, content] of [['flat.xml', flat], ['document.xml', documentXml]]) {
        const bytes = strToU8(content);
        assert.deepEqual(messages(bytes), expected, name);
        const fixed = fixAllDocx(bytes, options);
        assert.equal(fixed.applied.length, 5, name);
        assert.deepEqual(messages(fixed.bytes), [], name);
        assert.ok(text(fixed.bytes).startsWith(content.slice(0, 60)), 'still the same XML text');
        writeFileSync(join(dir, name), bytes);
        const cli = runCapturing(['fix', join(dir, name)]);
        assert.equal(cli.code, 0, cli.stderr);
        assert.deepEqual(messages(readFileSync(join(dir, name.replace('.xml', '.fixed.xml')))), [], name);
        assert.equal(runCapturing(['fix', join(dir, name), '-o', join(dir, 'x.docx')]).code, EXIT_UNREADABLE_OR_USAGE);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    assert.equal(fixedName('报告.xml'), '报告.fixed.xml');
  });

  describe('altChunk: content embedded in another format', () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'nianbao-altchunk-'));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    const onlyAltChunk = () => withDocumentXml(seed, (xml) => xml.replace(/<w:body>[\s\S]*?(<w:sectPr)/, '<w:body><w:altChunk r:id="htmlChunk"/>$1'));

    it('a document whose content is an altChunk is not passed as clean: lint and fix say it cannot be checked (exit 2)', async () => {
      const docx = onlyAltChunk();
      assert.throws(() => lintDocx(docx, options), (e: unknown) => e instanceof DocumentReadError && e.code === 'embedded-content' && /altChunk/.test(e.message));
      writeFileSync(join(dir, 'chunk.docx'), docx);
      const lint = runCapturing(['lint', join(dir, 'chunk.docx')]);
      assert.equal(lint.code, EXIT_UNREADABLE_OR_USAGE);
      assert.match(lint.stdout, /无法读取：文档正文是以其他格式嵌入的内容/);
      const fix = runCapturing(['fix', join(dir, 'chunk.docx')]);
      assert.equal(fix.code, EXIT_UNREADABLE_OR_USAGE);
      assert.match(fix.stderr, /嵌入的内容/);
      const { controls } = testHost();
      await assert.rejects(controls.open(docx, 'chunk.docx'), (e: unknown) => e instanceof DocumentReadError && e.code === 'embedded-content');
    });

    it('a report with an altChunk beside its tables gets an embedded-content error (exit 1)', () => {
      const clean = withDocumentXml(seed, (xml) => xml.replace(/<w:t([^>]*)><\/w:t>/g, '<w:t$1>0</w:t>'));
      const docx = withDocumentXml(clean, (xml) => xml.replace(/(<w:sectPr)/, '<w:altChunk r:id="htmlChunk"/>$1'));
      const found = lintDocx(docx, options).diagnostics;
      assert.deepEqual(found.map((d) => [d.rule, d.severity]), [['embedded-content', 'error']]);
      writeFileSync(join(dir, 'beside.docx'), docx);
      const lint = runCapturing(['lint', join(dir, 'beside.docx')]);
      assert.equal(lint.code, EXIT_FINDINGS);
      assert.match(lint.stdout, /\[embedded-content\]/);
    });
  });
});
