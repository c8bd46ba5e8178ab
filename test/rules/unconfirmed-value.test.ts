import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { confirmBookmarkName, confirmBookmarkValue } from '../../src/edits/types';
import { lintDocx } from '../../src/engine';
import { applyFixToDocx, fixAllDocx } from '../../src/hosts/docx';
import { rules } from '../../src/rules';
import { unconfirmedValue } from '../../src/rules/unconfirmed-value';
import { ruleTester } from '../support/rule-tester';
import { buildSeedDocx } from '../support/fixtures';

const OPTIONS = { currentYear: 2026 };
const unconfirmed = (bytes: Uint8Array) => lintDocx(bytes, OPTIONS).diagnostics.filter((d) => d.rule === 'unconfirmed-value');

ruleTester(unconfirmedValue, {
  valid: [{ name: 'a report that was never migrated' }],
  invalid: [{
    name: 'a 2019 表二 migrated by fix-all: proposed and unsourced values, each confirmed by its suggestion',
    bytes: async () => fixAllDocx(await buildSeedDocx('000'), OPTIONS).bytes,
    errors: Array.from({ length: 7 }, () => ({ table: 'active' as const, severity: 'warning' as const, fixable: false })),
  }],
});

describe('rule unconfirmed-value: values the user changes', () => {
  let migrated: Uint8Array;
  before(async () => {
    migrated = fixAllDocx(await buildSeedDocx('000'), OPTIONS).bytes;
  });

  it('every proposed or unsourced value of a migrated 表二 is a warning with a confirm suggestion', () => {
    const found = unconfirmed(migrated);
    assert.equal(found.length, 7);
    assert.ok(found.every((d) => d.severity === 'warning' && d.fix === null && d.suggestions[0].description === '确认此值无误'));
  });

  it('changing the value ends the warning for that cell', () => {
    const [first] = unconfirmed(migrated);
    const edit = first.suggestions[0].edits[0] as { tableIndex: number; rowIndex: number; cellIndex: number; expected: string };
    const changed = applyFixToDocx(migrated, { description: 'user types 3', edits: [{ kind: 'set-cell-text', ...edit, text: '3' }] });
    assert.equal(changed.applied, true);
    assert.equal(unconfirmed(changed.bytes).length, 6);
  });

  it('confirming keeps the value and ends the warning', () => {
    const [first] = unconfirmed(migrated);
    const confirmed = applyFixToDocx(migrated, first.suggestions[0]);
    assert.equal(confirmed.applied, true);
    const after = unconfirmed(confirmed.bytes);
    assert.equal(after.length, 6);
    assert.ok(!after.some((d) => d.row === first.row && d.column === first.column));
  });
});

describe('every rule', () => {
  it('has a doc page', () => {
    for (const rule of rules) assert.ok(existsSync(resolve(__dirname, '../..', rule.meta.docs)), rule.meta.id);
  });
});

describe('confirmation marks', () => {
  it('record any value exactly (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 6 }), fc.nat(99999), (value, id) => {
      const name = confirmBookmarkName(value, id);
      return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && confirmBookmarkValue(name) === value;
    }));
    assert.equal(confirmBookmarkValue('_GoBack'), null);
  });
});
