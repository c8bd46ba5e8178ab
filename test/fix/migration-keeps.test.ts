import { strict as assert } from 'node:assert';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { fixAllDocx } from '../../src/hosts/docx';
import { buildSeedDocx } from '../support/fixtures';

/**
 * The 2019 → 2021 migration rebuilds 表二 (issue 8, item 5): the user's comment anchors and
 * bookmarks stay in the table, the table keeps its own fonts, sizes and width, and new comments
 * join every form of an existing comments part with ids that never collide.
 */

const OPTIONS = { currentYear: 2026 };
const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const RELS = 'word/_rels/document.xml.rels';
const COMMENTS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';

type Parts = Record<string, Uint8Array>;
const text = (parts: Parts, name: string) => strFromU8(parts[name]);

/** Seed 000 (2019 format) with its first table (表二) rewritten by `edit`. */
async function seedWithFirstTable(edit: (tableXml: string) => string): Promise<Parts> {
  const parts = unzipSync(await buildSeedDocx('000'));
  const xml = text(parts, 'word/document.xml');
  const start = xml.indexOf('<w:tbl>');
  const end = xml.indexOf('</w:tbl>', start) + '</w:tbl>'.length;
  parts['word/document.xml'] = strToU8(xml.slice(0, start) + edit(xml.slice(start, end)) + xml.slice(end));
  return parts;
}

/** The first table of a document.xml. */
const firstTable = (xml: string) => xml.slice(xml.indexOf('<w:tbl>'), xml.indexOf('</w:tbl>') + '</w:tbl>'.length);

/** The run whose text is `label`, wrapped in a bookmark and a comment range with reference. */
const anchorAround = (tableXml: string, label: string) => {
  const at = tableXml.indexOf(`>${label}</w:t>`);
  assert.ok(at > 0, `${label} is in the table`);
  const start = tableXml.lastIndexOf('<w:r>', at);
  const end = tableXml.indexOf('</w:r>', at) + '</w:r>'.length;
  return tableXml.slice(0, start)
    + '<w:bookmarkStart w:id="41" w:name="用户书签"/><w:commentRangeStart w:id="7"/>' + tableXml.slice(start, end)
    + '<w:commentRangeEnd w:id="7"/><w:r><w:commentReference w:id="7"/></w:r><w:bookmarkEnd w:id="41"/>'
    + tableXml.slice(end);
};

/** Adds a comments part (as `partName`, holding `xml`) and its relationship. */
function withCommentsPart(parts: Parts, partName: string, xml: string): Parts {
  const rels = parts[RELS] ? text(parts, RELS) : `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  return {
    ...parts,
    [RELS]: strToU8(rels.replace('</Relationships>', `<Relationship Id="rIdUser" Type="${COMMENTS_REL}" Target="${partName.replace('word/', '')}"/></Relationships>`)),
    [partName]: strToU8(xml),
  };
}

const assertOpens = (xml: string) => new SaxesParser({ xmlns: true }).write(xml).close();

/** Every comment reference of the document has exactly one comment in the part, and no id is used twice there. */
function assertCommentsConsistent(documentXml: string, commentsXml: string): void {
  const references = [...documentXml.matchAll(/<w:commentReference w:id="(\d+)"/g)].map((m) => m[1]);
  const comments = [...commentsXml.matchAll(/<(?:\w+:)?comment\b[^>]*?\b\w+:id="(\d+)"/g)].map((m) => m[1]);
  assert.equal(new Set(comments).size, comments.length, `comment ids are unique: ${comments.join(',')}`);
  for (const id of references) assert.ok(comments.includes(id), `comment ${id} exists`);
}

describe('the 2019 → 2021 migration keeps what the user put in the table', () => {
  it('comment anchors and bookmarks move to the new cell with the same label', async () => {
    const parts = withCommentsPart(await seedWithFirstTable((t) => anchorAround(t, '规章')), 'word/comments.xml',
      `<w:comments xmlns:w="${W_NS}"><w:comment w:id="7" w:author="审核人"><w:p><w:r><w:t>请核对</w:t></w:r></w:p></w:comment></w:comments>`);
    const report = fixAllDocx(zipSync(parts), OPTIONS);
    assert.ok(report.applied.some((a) => a.diagnostic.rule === 'outdated-template' && a.diagnostic.table === 'active'));
    const out = unzipSync(report.bytes);
    const xml = text(out, 'word/document.xml');
    assertOpens(xml);
    const table = firstTable(xml);
    const cellStart = table.lastIndexOf('<w:tc>', table.indexOf('>规章</w:t>'));
    const cell = table.slice(cellStart, table.indexOf('</w:tc>', cellStart));
    for (const mark of ['<w:bookmarkStart w:id="41" w:name="用户书签"/>', '<w:commentRangeStart w:id="7"/>', '<w:commentRangeEnd w:id="7"/>', '<w:commentReference w:id="7"/>', '<w:bookmarkEnd w:id="41"/>']) {
      assert.ok(cell.includes(mark), `${mark} is in the 规章 cell`);
    }
    assertCommentsConsistent(xml, text(out, 'word/comments.xml'));
  });

  it('the rebuilt table takes the old table\'s fonts, sizes, properties and width', async () => {
    const parts = await seedWithFirstTable((t) => t
      .replace(/w:eastAsia="[^"]*"/g, 'w:eastAsia="楷体_GB2312"')
      .replace(/<w:sz w:val="\d+"\/>/g, '<w:sz w:val="24"/>')
      .replace(/<w:tblW [^>]*\/>/, '<w:tblW w:w="8000" w:type="dxa"/><w:tblInd w:w="120" w:type="dxa"/>')
      .replace(/<w:gridCol w:w="(\d+)"\/>/g, (_m, w: string) => `<w:gridCol w:w="${Math.round(Number(w) * 0.8)}"/>`));
    const oldTable = firstTable(text(parts, 'word/document.xml'));
    const oldTotal = [...oldTable.matchAll(/<w:gridCol w:w="(\d+)"/g)].reduce((n, m) => n + Number(m[1]), 0);
    const table = firstTable(text(unzipSync(fixAllDocx(zipSync(parts), OPTIONS).bytes), 'word/document.xml'));
    assert.notEqual(table, oldTable, 'the table was rebuilt');
    assert.ok(table.includes('<w:tblInd w:w="120" w:type="dxa"/>'), 'table properties kept');
    assert.doesNotMatch(table, /w:eastAsia="(?!楷体_GB2312)/, 'every run in the old font');
    assert.doesNotMatch(table, /<w:sz w:val="(?!24")/, 'every run in the old size');
    const newTotal = [...table.matchAll(/<w:gridCol w:w="(\d+)"/g)].reduce((n, m) => n + Number(m[1]), 0);
    assert.ok(Math.abs(newTotal - oldTotal) <= 8, `grid total ${newTotal} ≈ ${oldTotal}`);
  });

  const forms: [string, string, string][] = [
    ['an empty self-closing part', 'word/comments.xml', `<w:comments xmlns:w="${W_NS}"/>`],
    ['a default namespace', 'word/comments.xml', `<?xml version="1.0"?><comments xmlns="${W_NS}" xmlns:w="${W_NS}"><comment w:id="0" w:author="审核人"><p><r><t>已有</t></r></p></comment></comments>`],
    ['ns0: under another part name', 'word/remarks.xml', `<ns0:comments xmlns:ns0="${W_NS}"><ns0:comment ns0:id="3" ns0:author="审核人"><ns0:p><ns0:r><ns0:t>已有</ns0:t></ns0:r></ns0:p></ns0:comment></ns0:comments>`],
  ];
  for (const [name, partName, xml] of forms) {
    it(`new comments join an existing comments part: ${name}`, async () => {
      const parts = withCommentsPart(unzipSync(await buildSeedDocx('000')), partName, xml);
      const out = unzipSync(fixAllDocx(zipSync(parts), OPTIONS).bytes);
      const comments = text(out, partName);
      assertOpens(comments);
      assert.ok(!(partName !== 'word/comments.xml' && out['word/comments.xml']), 'no second comments part');
      const documentXml = text(out, 'word/document.xml');
      assert.ok(/<w:commentReference/.test(documentXml), 'the migration added comments');
      assertCommentsConsistent(documentXml, comments);
    });
  }
});
