import { strict as assert } from 'node:assert';
import { beyondMeta, ruleMeta, rules, type Diagnostic, type RuleId, type RuleMeta } from '../../src/rules';

/** Every rule id (the compiler checks the list is complete; the test, that each is registered). */
const EVERY_ID: Record<RuleId, true> = {
  'outdated-template': true, 'row-label': true, 'column-label': true, 'missing-row': true, 'extra-row': true, 'row-order': true,
  'missing-table': true, 'empty-cell': true, 'not-a-number': true, 'sum-mismatch': true, balance: true, 'section-heading': true,
  'unconfirmed-value': true, 'embedded-content': true, 'text-table-mismatch': true, 'report-year-text': true, 'fee-statement': true,
  placeholder: true, 'cross-year': true,
};

const meta = (fixes: RuleMeta['fixes']): RuleMeta => ({ id: 'extra-row', severity: 'error', fixes, name: '多出的行', description: '', docs: 'docs/rules/extra-row.md' });
const correction = { description: '删除“小计”行', edits: [] };
const finding = (fix: boolean, suggestions: number): Diagnostic => ({
  rule: 'extra-row', severity: 'error', table: 'applications', row: null, column: null, message: '多出“小计”行', location: null,
  fix: fix ? correction : null, suggestions: Array.from({ length: suggestions }, () => correction),
});

describe('rule metadata', () => {
  it('names every rule once, by a name of its own', () => {
    const ids = rules.map((r) => r.meta.id);
    assert.deepEqual([...ids].sort(), Object.keys(EVERY_ID).sort(), 'every RuleId has its rule registered');
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(new Set(rules.map((r) => r.meta.name)).size, ids.length, 'two rules share a name');
    for (const r of rules) assert.equal(ruleMeta(r.meta.id), r.meta);
  });

  it('refuses a fix from a rule whose metadata says suggestion-only or none, and a suggestion from one that has none', () => {
    assert.match(beyondMeta(meta('suggestion'), finding(true, 0)) ?? '', /returned a fix .* meta\.fixes is 'suggestion'/);
    assert.match(beyondMeta(meta('none'), finding(true, 0)) ?? '', /returned a fix/);
    assert.match(beyondMeta(meta('none'), finding(false, 1)) ?? '', /returned a suggestion .* meta\.fixes is 'none'/);
    assert.match(beyondMeta({ ...meta('fix'), id: 'row-label' }, finding(true, 0)) ?? '', /metadata of row-label/);
  });

  it('lets a rule emit what its metadata says', () => {
    assert.equal(beyondMeta(meta('fix'), finding(true, 2)), null);
    assert.equal(beyondMeta(meta('suggestion'), finding(false, 2)), null);
    assert.equal(beyondMeta(meta('none'), finding(false, 0)), null);
  });
});
