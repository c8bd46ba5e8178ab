import { strict as assert } from 'node:assert';
import { FixAllRun, findingKey, MAX_FIX_PASSES } from '../src/engine';
import type { Diagnostic, Fix } from '../src/rules';

const fix = (text: string): Fix => ({ description: `填入 ${text}`, edits: [{ kind: 'set-cell-text', tableIndex: 0, rowIndex: 1, cellIndex: 1, expected: '', text }] });
const finding = (row: string, f: Fix | null): Diagnostic => ({
  rule: 'empty-cell', severity: 'error', table: 'applications', row, column: '自然人', message: '单元格为空', location: null, fix: f, suggestions: [],
});

/** The bookkeeping every host's 全部修复 shares (the .docx, Word and WPS loops are thin around it). */
describe('FixAllRun', () => {
  it('offers the safe fixes of findings the user did not ignore, nothing once none is left', () => {
    const [a, b] = [fix('0'), fix('1')];
    const ignored = finding('（一）', b);
    const run = new FixAllRun([findingKey(ignored)]);
    assert.deepEqual(run.fixesOf([finding('（二）', a), ignored, finding('（三）', null)]), [a]);
    assert.equal(run.fixesOf([ignored]), null);
  });

  it('stops on a pass that applies nothing, records why, and attributes every fix to its finding', () => {
    const f = fix('0');
    const d = finding('（二）', f);
    const run = new FixAllRun();
    run.fixesOf([d]);
    assert.equal(run.planned({ applied: [], skipped: [{ fix: f, reason: '内容已变化' }], state: 'x' }), false);
    assert.deepEqual(run.skipped, [{ diagnostic: d, reason: '内容已变化' }]);
    assert.equal(run.passes, 0);
  });

  it('stops a pass that would bring back a state already seen (a cycle), the start included', () => {
    const f = fix('0');
    const d = finding('（二）', f);
    const run = new FixAllRun();
    run.start('A');
    run.fixesOf([d]);
    assert.equal(run.planned({ applied: [f], skipped: [], state: 'B' }), true);
    run.wrote([f]);
    run.fixesOf([d]);
    assert.equal(run.planned({ applied: [f], skipped: [], state: 'A' }), false, 'back to the start');
    assert.equal(run.passes, 1);
    assert.deepEqual(run.applied, [{ diagnostic: d, fix: f }]);
  });

  it('counts only passes that wrote, and offers nothing after MAX_FIX_PASSES of them', () => {
    const run = new FixAllRun();
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      const f = fix(String(pass));
      assert.ok(run.fixesOf([finding('（二）', f)]), `pass ${pass + 1} is offered`);
      assert.ok(run.planned({ applied: [f], skipped: [], state: `state ${pass}` }));
      assert.equal(run.wrote([], [{ fix: f, reason: '已过期' }]), false, 'nothing written: not a pass');
      assert.ok(run.wrote([f]));
    }
    assert.equal(run.passes, MAX_FIX_PASSES);
    assert.equal(run.fixesOf([finding('（二）', fix('x'))]), null);
  });
});
