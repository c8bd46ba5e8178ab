import type { FixAllOutcome } from '../report-host';

/** A short Chinese account of a fix-all: what was fixed, what was skipped, what needs the user. */
export function fixAllSummary(outcome: FixAllOutcome): string {
  const errors = outcome.remaining.filter((d) => d.severity === 'error').length;
  const warnings = outcome.remaining.length - errors;
  const parts = [outcome.applied.length > 0 ? `已修复 ${outcome.applied.length} 处问题。` : '没有可以自动修复的问题。'];
  if (outcome.skipped.length > 0) parts.push(`${outcome.skipped.length} 处因内容已变化或相互冲突未修复。`);
  if (outcome.remaining.length > 0) parts.push(`还有 ${errors} 个错误、${warnings} 个警告需要人工处理，请打开“检查年报”窗格查看。`);
  else parts.push('文档已符合年度报告格式。');
  parts.push(...(outcome.notes ?? []));
  return parts.join('');
}
