import { basename, dirname, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { DocumentReadError, type PackageLimits } from '../docmodel';
import { isZip } from '../docmodel/open-package';
import { fixAllDocx, isMacroEnabled, openDocx } from '../hosts/docx';
import { describePlace, type Diagnostic } from '../rules';
import type { CliIo } from './io';
import { EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNREADABLE_OR_USAGE } from './exit-codes';
import { ruleTag } from './format-text';
import { inputProblem, LIMIT_OPTIONS, LIMITS_USAGE, limitsFrom } from './limit-options';
import { outputProblem, type OutputIntent } from './output-target';
import { describeFsError } from './read-problem';

export const FIX_USAGE = `用法：
  nianbao fix <报告.docx> [-o 输出.docx] [--force] [--in-place] [--dry-run]

自动修复所有可安全修复的问题（空白填 0、规范数字、标准标签与标题、补缺行、迁移旧版格式等），
写入新文件（默认 <文件名>.fixed.docx），不改动原文件；已有同名文件时不覆盖，除非加 --force；
--in-place 覆盖原文件（保留其权限，只读文件不改）；--dry-run 只显示将做的修改。含宏的 .docm 输出仍为 .docm。
${LIMITS_USAGE}`;

const where = (d: Diagnostic) => describePlace(d.table, d.row, d.column);
const DOCM = /\.docm$/i;

export function runFix(args: string[], io: CliIo): number {
  let parsed;
  try {
    parsed = parseArgs({
      args, allowPositionals: true,
      options: { output: { type: 'string', short: 'o' }, 'in-place': { type: 'boolean' }, 'dry-run': { type: 'boolean' }, force: { type: 'boolean' }, ...LIMIT_OPTIONS },
    });
  } catch (error) {
    io.stderr(`参数错误：${(error as Error).message}\n\n${FIX_USAGE}`);
    return EXIT_UNREADABLE_OR_USAGE;
  }
  const { output, 'in-place': inPlace, 'dry-run': dryRun, force } = parsed.values;
  const limits = limitsFrom(parsed.values);
  if (typeof limits === 'string') {
    io.stderr(limits);
    return EXIT_UNREADABLE_OR_USAGE;
  }
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
  if (!inPlace && output !== undefined && io.samePath(output, input)) {
    io.stderr(`输出文件与原文件相同（${output}）：不会覆盖原文件；确需覆盖请用 --in-place。`);
    return EXIT_UNREADABLE_OR_USAGE;
  }

  const unusable = inputProblem(input, limits);
  if (unusable) {
    io.stderr(`${input}\n  无法读取：${unusable}`);
    return EXIT_UNREADABLE_OR_USAGE;
  }
  let bytes: Uint8Array;
  let macros: boolean;
  try {
    bytes = io.readFile(input);
    macros = DOCM.test(input) || isMacroEnabled(openDocx(bytes, limits));
  } catch (error) {
    io.stderr(`${input}\n  无法读取：${error instanceof DocumentReadError ? error.message : describeFsError(error)}`);
    return EXIT_UNREADABLE_OR_USAGE;
  }
  // Macro-enabled content in a file named .docx does not open in Word: it stays a .docm; XML text stays XML.
  const xmlText = !isZip(bytes);
  const extension = macros ? '.docm' : xmlText ? extname(input) || '.xml' : '.docx';
  const target = inPlace ? input : output ?? join(dirname(input), `${basename(input, extname(input))}.fixed${extension}`);
  if (macros && !DOCM.test(target)) {
    io.stderr(`${input} 含宏（.docm 格式），修复后的文件也必须是 .docm：请用 -o 指定以 .docm 结尾的文件名。`);
    return EXIT_UNREADABLE_OR_USAGE;
  }
  if (xmlText && /\.doc[xm]$/i.test(target)) {
    io.stderr(`${input} 是 XML 文本文件，修复后仍是 XML 文本：输出文件名不能以 .docx 结尾，请用 .xml。`);
    return EXIT_UNREADABLE_OR_USAGE;
  }
  if (!macros && DOCM.test(target)) {
    io.stderr(`${input} 不含宏，输出文件应以 .docx 结尾，不是 .docm。`);
    return EXIT_UNREADABLE_OR_USAGE;
  }
  const intent: OutputIntent = inPlace ? 'in-place' : force ? 'replace' : 'create';
  const problem = outputProblem(target, intent);
  // A dry run writes nothing: it shows the changes and says what a real run would meet.
  if (problem && !dryRun) {
    io.stderr(problem);
    return EXIT_UNREADABLE_OR_USAGE;
  }

  const report = fixOrExplain(input, bytes, io, limits);
  if (typeof report === 'number') return report;

  const lines = [`${input}`];
  if (report.applied.length === 0) lines.push('  没有可以自动修复的问题。');
  for (const { diagnostic, fix } of report.applied) lines.push(`  已修复  ${where(diagnostic)}  ${fix.description}  ${ruleTag(diagnostic.rule)}`);
  for (const { diagnostic, reason } of report.skipped) lines.push(`  未修复  ${where(diagnostic)}  ${reason}  ${ruleTag(diagnostic.rule)}`);
  const remaining = report.remaining.diagnostics;
  if (remaining.length > 0) lines.push('', '  仍需人工处理：');
  for (const d of remaining) {
    const choices = d.suggestions.length ? `（可选：${d.suggestions.map((s) => s.description).join('；')}）` : '';
    lines.push(`  ${d.severity.padEnd(7)}  ${where(d)}  ${d.message}${choices}  ${ruleTag(d.rule)}`);
  }

  if (!report.changed) lines.push('', '文件没有改动，未写出新文件。');
  else if (dryRun) lines.push('', `（试运行：未写出文件；实际运行将写入 ${target}）`, ...(problem ? [`注意：${problem}`] : []));
  else {
    try {
      io.writeFileAtomic(target, report.bytes, { replace: intent !== 'create' });
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

function fixOrExplain(input: string, bytes: Uint8Array, io: CliIo, limits: PackageLimits) {
  try {
    return fixAllDocx(bytes, { currentYear: io.currentYear, limits });
  } catch (error) {
    const refused = error instanceof DocumentReadError && error.code === 'fix-refused';
    io.stderr(`${input}\n  ${error instanceof DocumentReadError ? `${refused ? '无法修复' : '无法读取'}：${error.message}` : `修复时程序出错，文件未改动（请把此文件和下面的信息报告给开发者）：${(error as Error).message}`}`);
    return EXIT_UNREADABLE_OR_USAGE;
  }
}
