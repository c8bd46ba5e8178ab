import { strict as assert } from 'node:assert';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { DocumentReadError } from '../../src/docmodel';
import { lintDocx } from '../../src/engine';
import { docxFromFlatOpc } from '../../src/hosts/docx';
import { buildSeedDocx } from '../support/fixtures';

const PKG_NS = 'http://schemas.microsoft.com/office/2006/xmlPackage';

/** A .docx as the flat OPC text Word gives for Range.WordOpenXML (XML parts inline, others base64). */
function flatOf(docx: Uint8Array, prefix = 'pkg'): string {
  const q = (n: string) => (prefix ? `${prefix}:${n}` : n);
  const parts = Object.entries(unzipSync(docx)).filter(([name]) => name !== '[Content_Types].xml').map(([name, data]) => {
    const type = name.endsWith('.rels') ? 'application/vnd.openxmlformats-package.relationships+xml' : name.endsWith('.xml') ? 'application/xml' : 'image/png';
    const body = /\.(xml|rels)$/.test(name)
      ? `<${q('xmlData')}>${strFromU8(data).replace(/^<\?xml[^>]*\?>\s*/, '')}</${q('xmlData')}>`
      : `<${q('binaryData')}>${Buffer.from(data).toString('base64').replace(/(.{76})/g, '$1\n')}</${q('binaryData')}>`;
    return `<${q('part')} ${q('name')}="/${name}" ${q('contentType')}="${type}">${body}</${q('part')}>`;
  });
  return `<?xml version="1.0" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n<${q('package')} ${prefix ? `xmlns:${prefix}` : 'xmlns'}="${PKG_NS}">${parts.join('')}</${q('package')}>`;
}

describe('a flat OPC package (Range.WordOpenXML) as a .docx', () => {
  it('keeps every part: the copy lints as the original, binary parts byte for byte', async () => {
    const original = await buildSeedDocx('004');
    const image = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255, 254]);
    const withImage = zipSync({ ...unzipSync(original), 'word/media/image1.png': image });
    const copy = docxFromFlatOpc(flatOf(withImage));
    const entries = unzipSync(copy);
    assert.deepEqual(entries['word/media/image1.png'], image);
    assert.match(strFromU8(entries['[Content_Types].xml']), /PartName="\/word\/document\.xml"/);
    const lint = (bytes: Uint8Array) => lintDocx(bytes, { currentYear: 2026 }).diagnostics.map((d) => [d.rule, d.message]);
    assert.ok(lint(original).length > 0);
    assert.deepEqual(lint(copy), lint(original));
  });

  it('reads the package whatever prefix binds its namespace', async () => {
    const original = await buildSeedDocx('003');
    const expected = lintDocx(original, { currentYear: 2026 }).diagnostics.length;
    for (const prefix of ['ns0', '']) assert.equal(lintDocx(docxFromFlatOpc(flatOf(original, prefix)), { currentYear: 2026 }).diagnostics.length, expected, prefix);
  });

  it('adds the package relationships a bare package lacks', async () => {
    const parts = unzipSync(await buildSeedDocx('003'));
    delete parts['_rels/.rels'];
    const copy = unzipSync(docxFromFlatOpc(flatOf(zipSync(parts))));
    assert.match(strFromU8(copy['_rels/.rels']), /Target="word\/document\.xml"/);
  });

  it('refuses what is not a package, in Chinese', () => {
    for (const text of ['', '<w:document/>', '<pkg:package xmlns:pkg="urn:other"/>', `<pkg:package xmlns:pkg="${PKG_NS}"><pkg:part pkg:name="/x.xml" pkg:contentType="application/xml"><pkg:xmlData><x/></pkg:xmlData></pkg:part></pkg:package>`, '<<<']) {
      assert.throws(() => docxFromFlatOpc(text), (e: unknown) => e instanceof DocumentReadError && /不是 Word 文档包/.test(e.message), JSON.stringify(text));
    }
  });
});
