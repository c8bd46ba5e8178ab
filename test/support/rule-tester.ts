import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { lintDocx } from '../../src/engine';
import type { Diagnostic, Rule } from '../../src/rules';
import { buildSeedDocx, type ReportSpec, type SeedId } from './fixtures';

/** A document for a case: a seed, changed by `mutate` (the defect under test). */
interface Case {
  name: string;
  seed?: SeedId;
  mutate?: (spec: ReportSpec) => ReportSpec;
  currentYear?: number;
}

/** What an expected finding must match; unspecified fields are not compared. */
export interface ExpectedFinding {
  row?: string | null;
  column?: string | null;
  severity?: Diagnostic['severity'];
  table?: Diagnostic['table'];
  messageIncludes?: string[];
  fixable?: boolean;
}

/** Base document: seed 002, a clean 2021-format report. */
const BASE_SEED: SeedId = '002';

export async function lintCase(c: Case): Promise<Diagnostic[]> {
  const bytes = await buildSeedDocx(c.seed ?? BASE_SEED, c.mutate);
  return lintDocx(bytes, { currentYear: c.currentYear ?? 2026 }).diagnostics;
}

/**
 * ESLint-RuleTester-style cases for one rule: every valid case yields no finding of the rule, every
 * invalid case exactly the listed findings, in document order.
 */
export function ruleTester(rule: Rule, cases: { valid: Case[]; invalid: (Case & { errors: ExpectedFinding[] })[] }): void {
  describe(`rule ${rule.meta.id}`, () => {
    it('has metadata and a doc page with a wrong and a right example', () => {
      assert.match(rule.meta.docs, new RegExp(`docs/rules/${rule.meta.id}\\.md$`));
      assert.ok(rule.meta.description.length > 0);
      const page = readFileSync(resolve(__dirname, '../..', rule.meta.docs), 'utf8');
      for (const section of ['## 错误示例', '## 正确示例', '## 依据']) assert.ok(page.includes(section), `${rule.meta.docs} lacks ${section}`);
    });
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, async () => {
        const found = (await lintCase(c)).filter((d) => d.rule === rule.meta.id);
        assert.deepEqual(found.map((d) => d.message), []);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, async () => {
        const found = (await lintCase(c)).filter((d) => d.rule === rule.meta.id);
        assert.equal(found.length, c.errors.length, `expected ${c.errors.length} finding(s), got:\n${found.map((d) => d.message).join('\n')}`);
        c.errors.forEach((expected, i) => {
          const d = found[i];
          if (expected.row !== undefined) assert.equal(d.row, expected.row);
          if (expected.column !== undefined) assert.equal(d.column, expected.column);
          if (expected.severity !== undefined) assert.equal(d.severity, expected.severity);
          if (expected.table !== undefined) assert.equal(d.table, expected.table);
          if (expected.fixable !== undefined) assert.equal(d.fix !== null, expected.fixable);
          for (const part of expected.messageIncludes ?? []) assert.ok(d.message.includes(part), `message “${d.message}” lacks “${part}”`);
        });
      });
    }
  });
}
