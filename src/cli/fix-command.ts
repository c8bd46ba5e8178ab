import { basename, dirname, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { DocumentReadError } from '../docmodel';
import { fixAllDocx } from '../hosts/docx';
import { describePlace, type Diagnostic } from '../rules';
import type { CliIo } from './io';
import { EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNREADABLE_OR_USAGE } from './exit-codes';

export const FIX_USAGE = `用法：
  nianbao fix <报告.docx> [-o 输出.docx] [--in-place] [--dry-run]

自动修复所有可安全修复的问题（空白填 0、规范数字、标准标签与标题、补缺行、迁移 2019 年格式等），
写入新文件（默认 <文件名>.fixed.docx），不改动原文件；--in-place 覆盖原文件；--dry-run 只显示将做的修改。`;

const where = (d: Diagnostic) => describePlace(d.table, d.row, d.column);

export function runFix(args: string[], io: CliIo): number {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { output: { type: 'string', short: 'o' }, 'in-place': { type: 'boolean' }, 'dry-run': { type: 'boolean' } } });
  } catch (error) {
    io.stderr(`参数错误：${(error as Error).message}\n\n${FIX_USAGE}`);
    return EXIT_UNREADABLE_OR_USAGE;
  }
  const { output, 'in-place': inPlace, 'dry-run': dryRun } = parsed.values;
  if (parsed.positionals.length !== 1) {
    io.stderr(`请指定一个要修复的 .docx 文件。\n\n${FIX_USAGE}`);
    return EXIT_UNREADABLE_OR_USAGE;
  }
  if (output === '') {
    io.stderr('-o 需要一个文件名。');
    return EXIT_UNREADABLE_OR_USAGE;
  }
  if (output !== undefined && inPlace) {
    io.stderr('-o 与 --in-place 不能同时使用。');
    return EXIT_UNREADABLE_OR_USAGE;
  }
  const input = parsed.positionals[0];
  const target = inPlace ? input : output ?? join(dirname(input), `${basename(input, extname(input))}.fixed.docx`);
  if (!inPlace && io.samePath(target, input)) {
    io.stderr(`输出文件与原文件相同（${target}）：不会覆盖原文件；确需覆盖请用 --in-place。`);
    return EXIT_UNREADABLE_OR_USAGE;
  }

  let report;
  try {
    report = fixAllDocx(io.readFile(input), { currentYear: io.currentYear });
  } catch (error) {
    const reason = error instanceof DocumentReadError ? error.message : `无法打开文件（${(error as NodeJS.ErrnoException).code ?? (error as Error).message}）。`;
    io.stderr(`${input}\n  无法读取：${reason}`);
    return EXIT_UNREADABLE_OR_USAGE;
  }

  const lines = [`${input}`];
  if (report.applied.length === 0) lines.push('  没有可以自动修复的问题。');
  for (const { diagnostic, fix } of report.applied) lines.push(`  已修复  ${where(diagnostic)}  ${fix.description}  [${diagnostic.rule}]`);
  for (const { diagnostic, reason } of report.skipped) lines.push(`  未修复  ${where(diagnostic)}  ${reason}  [${diagnostic.rule}]`);
  const remaining = report.remaining.diagnostics;
  if (remaining.length > 0) lines.push('', '  仍需人工处理：');
  for (const d of remaining) {
    const choices = d.suggestions.length ? `（可选：${d.suggestions.map((s) => s.description).join('；')}）` : '';
    lines.push(`  ${d.severity.padEnd(7)}  ${where(d)}  ${d.message}${choices}  [${d.rule}]`);
  }

  if (!report.changed) lines.push('', '文件没有改动，未写出新文件。');
  else if (dryRun) lines.push('', `（试运行：未写出文件；实际运行将写入 ${target}）`);
  else {
    try {
      io.writeFileAtomic(target, report.bytes);
    } catch (error) {
      io.stdout(lines.join('\n'));
      io.stderr(`无法写入 ${target}：${(error as Error).message}`);
      return EXIT_UNREADABLE_OR_USAGE;
    }
    lines.push('', `已写入 ${target}（修复 ${report.applied.length} 处，共 ${report.passes} 轮）。`);
  }
  io.stdout(lines.join('\n'));
  return remaining.some((d) => d.severity === 'error') ? EXIT_FINDINGS : EXIT_CLEAN;
}
