import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { Paragraph } from '../src/docmodel';
import { strToU8, zipSync } from 'fflate';
import { parseWordprocessingML, readDocument } from '../src/docmodel';
import { applyFixes, fixAllDocx } from '../src/hosts/docx';
import { findingKey, lintDocument } from '../src/engine';
import { assertWithinMeta } from './support/rule-tester';
import { alignSequences } from '../src/mapping/align';
import { parseCellValue } from '../src/mapping/cell-value';
import { labelKey } from '../src/mapping/normalise';
import { findReportYear } from '../src/mapping/report-year';
import { template } from '../src/template';

const allLabels = [...new Set(template.tables.flatMap((t) => t.blocks.flatMap((b) => [...b.rows.map((r) => r.label), ...b.header.flat().map((h) => h.text)])))].filter(Boolean);

describe('label normalisation', () => {
  it('ignores spaces and line breaks anywhere, bracket and digit width, numbering separators and quote styles', () => {
    const halfWidth = (s: string) => s.replace(/（/g, '(').replace(/）/g, ')').replace(/“|”/g, '"');
    fc.assert(fc.property(
      fc.constantFrom(...allLabels), fc.array(fc.nat(), { maxLength: 4 }), fc.constantFrom(' ', '\n', '\u3000', '\t'), fc.boolean(),
      (label, positions, space, half) => {
        let variant = half ? halfWidth(label) : label;
        for (const p of positions) {
          const at = p % (variant.length + 1);
          variant = variant.slice(0, at) + space + variant.slice(at);
        }
        return labelKey(variant.replace(/^(\d)\./, '$1、')) === labelKey(label);
      },
    ));
  });

  it('keeps real differences apart', () => {
    assert.notEqual(labelKey('1.属于国家机密'), labelKey('1.属于国家秘密'));
    assert.notEqual(labelKey('规范性文件'), labelKey('行政规范性文件'));
  });
});

describe('cell values', () => {
  const parse = (s: string, kind: 'count' | 'amount' | 'signed-count' = 'count') => parseCellValue(s, kind);
  it('reads plain numbers as regular', () => {
    assert.deepEqual(parse(' 12 '), { kind: 'number', value: 12, regular: true, plain: null, note: null, noteMark: '' });
    assert.equal(parse('4166.241619', 'amount').kind, 'number');
    assert.equal(parse('-3', 'signed-count').kind, 'number');
  });
  it('understands informal zeros and full-width digits, with the plain form', () => {
    for (const zero of ['无', '/', '—', '-', 'O', '零']) {
      const v = parse(zero);
      assert.ok(v.kind === 'number' && v.value === 0 && !v.regular && v.plain === '0', zero);
    }
    const v = parse('１２');
    assert.ok(v.kind === 'number' && v.value === 12 && v.plain === '12');
  });
  it('treats blanks as blank, not zero, and text as text', () => {
    assert.equal(parse(' \u3000\n').kind, 'blank');
    assert.equal(parse('见附件').kind, 'text');
    assert.equal(parse('1.5').kind, 'text');
    assert.equal(parse('-1').kind, 'text');
  });
  it('never throws and never calls text a regular number (property)', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const v = parse(s);
      // A note mark after the number (5*, 5[1]) is a note, not part of the number.
      const number = v.kind === 'number' && v.noteMark !== '' ? s.trimEnd().slice(0, -v.noteMark.length) : s;
      return v.kind !== 'number' || !v.regular || /^\s*\d+\s*$/.test(number.replace(/[\s\u3000]/g, ' '));
    }));
  });
});

describe('report year', () => {
  const paragraphs = (...texts: string[]): Paragraph[] =>
    texts.map((text, i) => ({ kind: 'paragraph', paragraphIndex: i, text, autoNumbered: false, source: { start: 0, end: 0 } }));
  it('reads the title', () => {
    assert.deepEqual(findReportYear(paragraphs('某某镇人民政府', '2023年政府信息公开工作年度报告'), 2026), { year: 2023, source: 'title' });
    assert.deepEqual(findReportYear(paragraphs('兰西县远大镇 2022 年 政府信息公开工作年度报告'), 2026), { year: 2022, source: 'title' });
  });
  it('falls back to the 统计期限 sentence, then to the current year', () => {
    assert.deepEqual(findReportYear(paragraphs('前言', '本报告所列数据的统计期限自2024年1月1日至12月31日止。'), 2026), { year: 2024, source: 'period' });
    assert.deepEqual(findReportYear(paragraphs('没有年份'), 2026), { year: 2026, source: 'assumed' });
  });
});

describe('sequence alignment', () => {
  const same = (a: string, b: string) => (a === b ? 1 : 0);
  it('pairs a permuted sequence completely and reports the moved items (property)', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 }).chain((items) =>
      fc.tuple(fc.constant(items), fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length }))), ([items, shuffled]) => {
      const { docToTemplate, outOfOrder } = alignSequences(shuffled, items, same, 0.5);
      const paired = docToTemplate.every((t, i) => t !== null && items[t] === shuffled[i]);
      const inOrder = shuffled.every((s, i) => s === items[i]);
      return paired && (inOrder ? outOfOrder.length === 0 : outOfOrder.length > 0);
    }));
  });
  it('leaves an extra item unpaired and a missing one unused', () => {
    const { docToTemplate } = alignSequences(['a', 'x', 'c'], ['a', 'b', 'c', 'd'], same, 0.5);
    assert.deepEqual(docToTemplate, [0, null, 2]);
  });
});

describe('template data', () => {
  it('has 25 data rows × 7 numbers in 表三 (2021) and 23 in the 2019 variant', () => {
    const count = (variant: string) => template.tables.find((t) => t.id === 'applications' && t.variant === variant)!.blocks[0].rows.length;
    assert.equal(count('2021'), 25);
    assert.equal(count('2019'), 23);
  });
  it('declares R1–R4 as data', () => {
    const ids = template.tables.filter((t) => t.variant === '2021').flatMap((t) => t.relations.map((r) => r.id));
    assert.deepEqual(ids, ['R1', 'R2', 'R3', 'R4', 'R4', 'R4']);
  });
});

describe('linting never crashes on odd tables (property)', () => {
  const cellXml = (text: string, span: number, merge: string) =>
    `<w:tc><w:tcPr>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${merge}</w:tcPr><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
  const cell = fc.tuple(
    fc.oneof(fc.constantFrom(...allLabels, '', '0', '3', '无', '小计', '合计'), fc.string({ maxLength: 4 }).map((s) => s.replace(/[<&>]/g, ''))),
    fc.integer({ min: 1, max: 3 }),
    fc.constantFrom('', '', '<w:vMerge w:val="restart"/>', '<w:vMerge/>'),
  ).map(([text, span, merge]) => cellXml(text, span, merge));
  const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 30 })
    .map((rows) => `<w:tbl>${rows.map((cells) => `<w:tr>${cells.join('')}</w:tr>`).join('')}</w:tbl>`);
  const heading = fc.constantFrom('一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '4、政府信息公开行政复议、行政诉讼情况', '其他需要报告的事项', '正文');

  it('any mix of standard labels, numbers, spans and merges lints without an exception, every finding pointing into the document and every fix applicable as planned', () => {
    fc.assert(fc.property(fc.array(fc.oneof(table, heading.map((h) => `<w:p><w:r><w:t>${h}</w:t></w:r></w:p>`)), { maxLength: 6 }), (blocks) => {
      const xml = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${blocks.join('')}</w:body></w:document>`;
      const document = parseWordprocessingML(xml);
      const result = lintDocument(document, { currentYear: 2026 });
      assertWithinMeta(result.diagnostics);
      for (const d of result.diagnostics) {
        const l = d.location;
        if (l && 'paragraphIndex' in l) assert.ok(document.paragraphs.some((p) => p.paragraphIndex === l.paragraphIndex), `${d.rule}: no paragraph ${l.paragraphIndex}`);
        else if (l) {
          const row = document.tables.find((t) => t.tableIndex === l.tableIndex)?.rows[l.rowIndex];
          assert.ok(row && (l.cellIndex === null || row.cells.some((c) => c.cellIndex === l.cellIndex)), `${d.rule}: no cell ${JSON.stringify(l)}`);
        }
        // A fix is planned on the text the document has: fresh from the lint, none may be stale.
        for (const fix of [d.fix, ...d.suggestions].filter((f) => f !== null)) {
          assert.deepEqual(applyFixes(xml, [fix], 0, document).skipped.map((s) => s.reason), [], `${d.rule}: “${fix.description}”`);
        }
      }
    }), { numRuns: Number(process.env.PROPERTY_RUNS ?? 200) });
  });

  it('and fix-all on them never crashes and leaves a readable document whose findings are the ones it reports', () => {
    fc.assert(fc.property(fc.array(fc.oneof(table, heading.map((h) => `<w:p><w:r><w:t>${h}</w:t></w:r></w:p>`)), { maxLength: 6 }), (blocks) => {
      const xml = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${blocks.join('')}</w:body></w:document>`;
      const bytes = zipSync({ '[Content_Types].xml': strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>'), 'word/document.xml': strToU8(xml) });
      const result = fixAllDocx(bytes, { currentYear: 2026 });
      // What fix-all reports as remaining is what the written file gives.
      const again = lintDocument(readDocument(result.bytes), { currentYear: 2026 }).diagnostics;
      assert.deepEqual(again.map((d) => `${findingKey(d)} ${d.message}`), result.remaining.diagnostics.map((d) => `${findingKey(d)} ${d.message}`));
      if (!result.changed) assert.equal(result.bytes, bytes, 'nothing fixed: the very input comes back');
    }), { numRuns: Number(process.env.PROPERTY_RUNS ?? 200) });
  });
});
