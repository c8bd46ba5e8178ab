import { describePlace, ruleMeta, type Diagnostic, type RuleId } from '../rules';
import { FORMAT_NAMES } from '../template';
import type { FileResult } from './file-result';

const MAX_LISTED_CHOICES = 3;

/** How a line names its rule: the name a person reads, then the id its doc page is found by. */
export const ruleTag = (id: RuleId): string => `${ruleMeta(id).name} [${id}]`;

/** Under a sum finding: the repair (or the choices), then the broken relations, indented. */
function repairLines(d: Diagnostic): string[] {
  const lines: string[] = [];
  if (d.fix) lines.push(`      修复：${d.fix.description}`);
  d.suggestions.slice(0, MAX_LISTED_CHOICES).forEach((s, n) => lines.push(`      ${n === 0 ? '可选：' : '或：　'}${s.description}`));
  if (d.suggestions.length > MAX_LISTED_CHOICES) lines.push(`      另有 ${d.suggestions.length - MAX_LISTED_CHOICES} 种改法`);
  d.sums!.relations.forEach((r, n) => lines.push(`      ${n === 0 ? '依据：' : '　　　'}${r.text}`));
  return lines;
}

/** Human-readable report: a block per file, one line per finding, a summary at the end. */
export function formatText(results: FileResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    if (r.error) {
      lines.push(`${r.file}`, `  无法读取：${r.error}`, '');
      continue;
    }
    if (!r.isReport) {
      lines.push(`${r.file}`, '  提示：未找到年度报告的表格和章节标题，这可能不是政府信息公开工作年度报告。', '');
      continue;
    }
    const year = r.year ? `${r.year.year} 年度${r.year.source === 'assumed' ? '（未找到年份，按今年计）' : ''}` : '';
    const format = r.template ? FORMAT_NAMES[r.template] : '未找到表格';
    lines.push(`${r.file}（${year}，${format}）`);
    if (r.previous) {
      lines.push(r.previous.used
        ? `  对比上一年报告：${r.previous.file}（${r.previous.year} 年度）`
        : `  未对比上一年报告：${r.previous.file} 为 ${r.previous.year} 年度，不是本报告的上一年度。`);
    }
    if (r.diagnostics.length === 0) lines.push('  未发现问题。');
    for (const d of r.diagnostics) {
      const fix = d.fix ? '  [可自动修复]' : '';
      lines.push(`  ${d.severity.padEnd(7)}  ${describePlace(d.table, d.row, d.column)}  ${d.message}  ${ruleTag(d.rule)}${fix}`);
      if (d.sums) lines.push(...repairLines(d));
    }
    const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = r.diagnostics.length - errors;
    if (r.diagnostics.length > 0) lines.push(`  共 ${errors} 个错误，${warnings} 个警告。`);
    lines.push('');
  }
  const unreadable = results.filter((r) => r.error).length;
  const withErrors = results.filter((r) => r.diagnostics.some((d) => d.severity === 'error')).length;
  lines.push(`检查了 ${results.length} 个文件：${withErrors} 个有错误${unreadable ? `，${unreadable} 个无法读取` : ''}。`);
  return lines.join('\n');
}
