import { strict as assert } from 'node:assert';
import type { Diagnostic } from '../../src/rules';
import { findingKey } from '../../src/taskpane/report-host';

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
