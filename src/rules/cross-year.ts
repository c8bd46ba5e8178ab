import { hasColumn } from '../template';
import { tableValue, describeValue } from './text/table-values';
import { docsPath, type Diagnostic, type Rule } from './types';
import type { TableValue } from './text/table-values';

/**
 * Numbers that must continue from last year's report of the same agency: this year's 上年结转 is
 * last year's 结转下年度继续办理 (per column), and on the 2021 format 现行有效件数 is last year's
 * plus 本年制发 minus 本年废止. Runs only when last year's numbers were given.
 */
export const crossYear: Rule = {
  meta: { id: 'cross-year', severity: 'error', fixes: 'none', name: '与上一年报告不衔接', description: '与上一年报告的数字不衔接（上年结转、现行有效件数）', docs: docsPath('cross-year') },
  check({ report, previousYear }) {
    if (!previousYear || previousYear.year !== report.year.year - 1) return [];
    const from = `${previousYear.source}（${previousYear.year} 年度）`;
    const finding = (v: TableValue, message: string): Diagnostic => ({
      rule: 'cross-year', severity: 'error', table: v.ref.table, row: v.row, column: v.column,
      message, location: v.location, fix: null, suggestions: [],
    });
    const findings: Diagnostic[] = [];
    for (const [column, last] of Object.entries(previousYear.carryForward)) {
      const now = tableValue(report, { table: 'applications', row: 'carriedOver', column });
      if (now && now.value !== last) {
        findings.push(finding(now, `${describeValue(now)}，但上一年报告 ${from} 的“四、结转下年度继续办理”该列为 ${last}，两者应相等。`));
      }
    }
    const active = report.tables.find((t) => t.id === 'active');
    if (previousYear.inForce && active && hasColumn('active', active.variant, 'inForce')) {
      for (const [row, last] of Object.entries(previousYear.inForce)) {
        const cell = (column: string) => tableValue(report, { table: 'active', row, column });
        const [inForce, issued, repealed] = [cell('inForce'), cell('issued'), cell('repealed')];
        if (!inForce || !issued || !repealed) continue;
        const expected = last + issued.value - repealed.value;
        if (inForce.value !== expected) {
          findings.push(finding(inForce, `${describeValue(inForce)}，按上一年报告 ${from} 的现行有效件数 ${last} ＋ 本年制发 ${issued.value} － 本年废止 ${repealed.value} 应为 ${expected}。`));
        }
      }
    }
    return findings;
  },
};
