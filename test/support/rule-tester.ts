import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { findingKey, lintDocx, type LintOptions } from '../../src/engine';
import { applyFixToDocx } from '../../src/hosts/docx';
import { beyondMeta, ruleMeta, type Diagnostic, type Fix, type PreviousYearNumbers, type Rule } from '../../src/rules';
import { buildSeedDocx, type ReportSpec, type SeedId } from './fixtures';

/** A document for a case: a seed, changed by `mutate` (the defect under test). */
interface Case {
  name: string;
  seed?: SeedId;
  mutate?: (spec: ReportSpec) => ReportSpec;
  currentYear?: number;
  /** Last year's numbers of the same agency (cross-year). */
  previousYear?: () => Promise<PreviousYearNumbers>;
  /** The document as bytes, for defects the seed builder cannot make (overrides seed and mutate). */
  bytes?: () => Promise<Uint8Array>;
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

interface InvalidCase extends Case {
  errors: ExpectedFinding[];
}

/** Base document: seed 002, a clean 2021-format report. */
const BASE_SEED: SeedId = '002';

/** The case's document and the options it is linted with. */
async function prepare(c: Case): Promise<{ bytes: Uint8Array; options: LintOptions }> {
  const bytes = await (c.bytes ? c.bytes() : buildSeedDocx(c.seed ?? BASE_SEED, c.mutate));
  return { bytes, options: { currentYear: c.currentYear ?? 2026, previousYear: c.previousYear ? await c.previousYear() : null } };
}

/**
 * Every finding (of every rule) checked against its rule's metadata: a fix from a rule whose
 * metadata says it has none fails here, loudly, whatever the test was about.
 */
export function assertWithinMeta(found: readonly Diagnostic[]): void {
  for (const d of found) {
    const problem = beyondMeta(ruleMeta(d.rule), d);
    if (problem) assert.fail(problem);
  }
}

export async function lintCase(c: Case): Promise<Diagnostic[]> {
  const { bytes, options } = await prepare(c);
  const found = lintDocx(bytes, options).diagnostics;
  assertWithinMeta(found);
  return found;
}

/**
 * The output step: each fix and each suggestion of a finding, applied alone to the case's document,
 * is applied (not skipped as stale) and makes the finding go away.
 */
function assertCorrectionsWork(bytes: Uint8Array, options: LintOptions, d: Diagnostic): void {
  const corrections: { kind: string; fix: Fix }[] = [
    ...(d.fix ? [{ kind: 'fix', fix: d.fix }] : []),
    ...d.suggestions.map((fix, n) => ({ kind: `suggestion ${n + 1}`, fix })),
  ];
  for (const { kind, fix } of corrections) {
    const result = applyFixToDocx(bytes, fix);
    assert.ok(result.applied, `${kind} “${fix.description}” was skipped as stale: ${result.reason}`);
    const after = lintDocx(result.bytes, options).diagnostics;
    assertWithinMeta(after);
    const still = after.filter((a) => findingKey(a) === findingKey(d));
    assert.deepEqual(still.map((a) => a.message), [], `${kind} “${fix.description}” left the finding “${d.message}” in place`);
  }
}

/**
 * ESLint-RuleTester-style cases for one rule: every valid case yields no finding of the rule, every
 * invalid case exactly the listed findings, in document order, and each of their fixes and
 * suggestions, applied, removes its finding. Every finding must stay within its rule's metadata.
 */
export function ruleTester(rule: Rule, cases: { valid: Case[]; invalid: InvalidCase[] }): void {
  describe(`rule ${rule.meta.id}`, () => {
    it('has metadata and a doc page with a wrong and a right example', () => {
      assert.match(rule.meta.docs, new RegExp(`^docs/rules/${rule.meta.id}\\.md$`));
      assert.ok(rule.meta.name.length > 0 && rule.meta.description.length > 0);
      assert.equal(ruleMeta(rule.meta.id), rule.meta, 'the rule is registered in src/rules/index.ts');
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
        const { bytes, options } = await prepare(c);
        const all = lintDocx(bytes, options).diagnostics;
        assertWithinMeta(all);
        const found = all.filter((d) => d.rule === rule.meta.id);
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
        for (const d of found) assertCorrectionsWork(bytes, options, d);
      });
    }
  });
}
