import { strict as assert } from 'node:assert';
import type { Diagnostic } from '../../src/rules';
import { findingKey } from '../../src/hosts/report-host';
import { groupFindings, toFindings } from '../../src/taskpane/group-findings';

const finding = (over: Partial<Diagnostic>): Diagnostic => ({
  rule: 'extra-row', severity: 'error', table: 'applications', row: null, column: null, message: '', location: null, fix: null, suggestions: [], ...over,
});

describe('findingKey (what 忽略 remembers)', () => {
  it('tells two extra rows of one table apart', () => {
    const a = finding({ location: { tableIndex: 1, rowIndex: 5, cellIndex: null } });
    const b = finding({ location: { tableIndex: 1, rowIndex: 9, cellIndex: null } });
    assert.notEqual(findingKey(a), findingKey(b));
  });

  it('keeps a cell finding the same when rows above it move', () => {
    const before = finding({ rule: 'empty-cell', row: '2.重复申请', column: '自然人', location: { tableIndex: 1, rowIndex: 19, cellIndex: 2 } });
    const after = { ...before, location: { tableIndex: 1, rowIndex: 20, cellIndex: 2 } };
    assert.equal(findingKey(before), findingKey(after));
  });

  it('tells headings apart by paragraph', () => {
    const a = finding({ rule: 'section-heading', table: 'text', row: '四、政府信息公开行政复议、行政诉讼情况', location: { paragraphIndex: 40 } });
    assert.notEqual(findingKey(a), findingKey({ ...a, location: { paragraphIndex: 41 } }));
  });
});

describe('findings about text are grouped as 正文', () => {
  it('puts the text rules under 正文 and keeps section headings under 章节标题', () => {
    const base = { severity: 'warning' as const, row: null, column: null, message: '', location: { paragraphIndex: 1 }, fix: null, suggestions: [] };
    const groups = groupFindings(toFindings([
      { ...base, rule: 'text-table-mismatch', table: 'applications' },
      { ...base, rule: 'placeholder', table: 'text' },
      { ...base, rule: 'section-heading', table: 'text', row: '一、总体情况' },
      { ...base, rule: 'cross-year', table: 'applications', location: { tableIndex: 1, rowIndex: 4, cellIndex: 7 } },
    ]));
    assert.deepEqual(groups.map((g) => [g.area, g.rules.map((r) => r.rule)]), [
      ['applications', ['cross-year']],
      ['text', ['section-heading']],
      ['body', ['text-table-mismatch', 'placeholder']],
    ]);
  });
});
