import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { parseWordprocessingML } from '../../src/docmodel';
import type { Edit } from '../../src/edits/types';
import { lintDocx } from '../../src/engine';
import { fixAllDocx } from '../../src/hosts/docx';
import { renderDocx, seedSpec, setApplicationsValue, setRowLabel, SEED_IDS, type SeedId } from '../support/fixtures';
import { corpusDir } from '../support/corpus';

/**
 * "Nothing lost" (issue 8): after fix-all, on seeds, real reports and their mutations, everything
 * the fixes did not target is still there: text of untouched cells and paragraphs, every note
 * reference, field, symbol, drawing, comment anchor and bookmark, and every other part of the
 * package byte for byte; the result parses and lints.
 */

const OPTIONS = { currentYear: 2026 };
/** Parts a fix may change: the main document, its comments and the lists naming a new comments part. */
const EDITABLE_PARTS = /^(word\/document\.xml|word\/comments\.xml|\[Content_Types\]\.xml|word\/_rels\/document\.xml\.rels)$/;
/** Elements that are not text: each one the user had must survive (as a multiset). */
const KEPT = /<w:(footnoteReference|endnoteReference|fldChar|instrText|sym|drawing|commentReference|commentRangeStart|commentRangeEnd|bookmarkStart|bookmarkEnd|fldSimple|object|pict)\b[^>]*>/g;

function marks(xml: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [mark] of xml.matchAll(KEPT)) if (!mark.includes('_nbConfirm_')) counts.set(mark, (counts.get(mark) ?? 0) + 1);
  return counts;
}

interface Targets {
  cells: Set<string>;
  paragraphs: Set<number>;
  /** Tables changed in their structure: their cells are compared by the lint instead. */
  tables: Set<number>;
}

function targetsOf(edits: Edit[]): Targets {
  const t: Targets = { cells: new Set(), paragraphs: new Set(), tables: new Set() };
  for (const e of edits) {
    if (e.kind === 'set-cell-text' || e.kind === 'confirm-value' || e.kind === 'continue-merge') t.cells.add(`${e.tableIndex}/${e.rowIndex}/${e.cellIndex}`);
    else if (e.kind === 'set-paragraph-text') t.paragraphs.add(e.paragraphIndex);
    else if (e.kind === 'insert-after') t.tables.add(-1);
    else t.tables.add(e.tableIndex);
  }
  return t;
}

/** Asserts that fix-all on `docx` lost nothing it did not target. */
function assertNothingLost(docx: Uint8Array, name: string): void {
  const report = fixAllDocx(docx, OPTIONS);
  if (!report.changed) {
    assert.ok(report.bytes === docx || Buffer.compare(Buffer.from(report.bytes), Buffer.from(docx)) === 0, `${name}: unchanged file comes back as it was`);
    return;
  }
  const before = unzipSync(docx);
  const after = unzipSync(report.bytes);
  for (const [part, bytes] of Object.entries(before)) {
    if (EDITABLE_PARTS.test(part)) continue;
    assert.ok(after[part] && Buffer.compare(Buffer.from(after[part]), Buffer.from(bytes)) === 0, `${name}: part ${part} unchanged`);
  }
  const xmlBefore = strFromU8(before['word/document.xml']);
  const xmlAfter = strFromU8(after['word/document.xml']);
  new SaxesParser({ xmlns: true }).write(xmlAfter).close();
  assert.doesNotThrow(() => lintDocx(report.bytes, OPTIONS), `${name}: the result lints`);

  const kept = marks(xmlAfter);
  for (const [mark, count] of marks(xmlBefore)) assert.ok((kept.get(mark) ?? 0) >= count, `${name}: ${mark} kept (${count}×)`);

  // Only the first pass addresses the original document; a one-pass fix lets every cell be compared.
  if (report.passes !== 1) return;
  const targets = targetsOf(report.applied.flatMap((a) => a.fix.edits));
  const modelBefore = parseWordprocessingML(xmlBefore);
  const modelAfter = parseWordprocessingML(xmlAfter);
  if (targets.tables.size === 0) {
    const outside = (m: typeof modelBefore) => m.paragraphs.filter((p) => !targets.paragraphs.has(p.paragraphIndex)).map((p) => p.text);
    assert.deepEqual(outside(modelAfter), outside(modelBefore), `${name}: paragraphs not fixed keep their text`);
  }
  modelBefore.tables.forEach((table) => {
    if (targets.tables.has(table.tableIndex) || targets.tables.size > 0) return;
    table.rows.forEach((row) => row.cells.forEach((cell) => {
      if (targets.cells.has(`${table.tableIndex}/${row.rowIndex}/${cell.cellIndex}`)) return;
      assert.equal(modelAfter.tables[table.tableIndex].rows[row.rowIndex].cells[cell.cellIndex].text, cell.text, `${name}: cell ${table.tableIndex}/${row.rowIndex}/${cell.cellIndex} kept`);
    }));
  });
}

/** Puts a footnote reference, a bookmark and a comment range around the `nth` text run inside a table cell. */
function withMarksInCell(docx: Uint8Array, nth: number): Uint8Array {
  const parts = unzipSync(docx);
  const xml = strFromU8(parts['word/document.xml']);
  const runs = [...xml.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => m.index!);
  if (runs.length === 0) return docx;
  const cellAt = runs[nth % runs.length];
  const runStart = xml.indexOf('<w:r>', cellAt);
  const runEnd = xml.indexOf('</w:r>', runStart) + '</w:r>'.length;
  if (runStart < 0 || runEnd > xml.indexOf('</w:tc>', cellAt)) return docx;
  const run = xml.slice(runStart, runEnd).replace('</w:r>', '<w:footnoteReference w:id="1"/></w:r>');
  const marked = `<w:bookmarkStart w:id="4242" w:name="kept"/><w:commentRangeStart w:id="4243"/>${run}<w:commentRangeEnd w:id="4243"/><w:bookmarkEnd w:id="4242"/>`;
  parts['word/document.xml'] = strToU8(xml.slice(0, runStart) + marked + xml.slice(runEnd));
  return zipSync(parts);
}

describe('fix-all loses nothing it did not target (property)', () => {
  it('the five real reports', function () {
    const corpus = corpusDir();
    for (const file of readdirSync(corpus).filter((f) => f.endsWith('.docx'))) assertNothingLost(new Uint8Array(readFileSync(resolve(corpus, file))), file);
  });

  it('the seeds, with defects and marks in random cells', async () => {
    const columns = ['自然人', '商业企业', '科研机构', '总计'];
    const rows = ['1.属于国家秘密', '2.重复申请', '（一）予以公开', '3.其他', '四、结转下年度继续办理'];
    const defect = fc.tuple(fc.constantFrom(...rows), fc.constantFrom(...columns), fc.constantFrom('', '无', '—', '０', '1', '3'));
    const seed = fc.constantFrom(...(SEED_IDS as readonly SeedId[]));
    await fc.assert(fc.asyncProperty(seed, fc.array(defect, { maxLength: 4 }), fc.boolean(), fc.nat(200), async (id, defects, relabel, markAt) => {
      let spec = seedSpec(id);
      for (const [row, column, value] of defects) {
        try {
          spec = setApplicationsValue(spec, row, column, value);
        } catch {
          // the seed's table has no such row (2019 format): that defect does not apply
        }
      }
      if (relabel) {
        try {
          spec = setRowLabel(spec, '1.属于国家秘密', '1.属于国家机密');
        } catch {
          // no such row in this seed
        }
      }
      const docx = withMarksInCell(await renderDocx(spec), markAt);
      assertNothingLost(docx, `seed ${id} ${JSON.stringify(defects)} relabel=${relabel} mark@${markAt}`);
    }), { numRuns: 25 });
  });
});
