import { parseArgs } from 'node:util';
import { DocumentReadError } from '../docmodel';
import { lintDocx, type LintResult } from '../engine';
import { collectInputs } from './collect-files';
import type { FileResult } from './file-result';
import { formatJson } from './format-json';
import { formatText } from './format-text';
import { EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNREADABLE_OR_USAGE } from './exit-codes';
import { runFix } from './fix-command';
import { processIo, type CliIo } from './io';
import { checkAgainst, findPrevious, linted, type LintedReport } from './previous-year';
import { runTemplate } from './template-command';

export { EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNREADABLE_OR_USAGE } from './exit-codes';
export type { CliIo } from './io';

const USAGE = `用法：
  nianbao lint <文件.docx | 文件夹>... [--format text|json] [--prev 上一年报告.docx]   检查报告
      同一机关相邻两个年度的报告一起检查时自动对比（上年结转、现行有效件数）
  nianbao fix <报告.docx> [-o 输出.docx] [--in-place] [--dry-run]   自动修复
  nianbao template [-o 报告.docx] [--year 2025] [--agency "某某镇人民政府"]   生成空白标准报告

检查政府信息公开工作年度报告（.docx）是否符合国办公开办函〔2021〕30号规定的格式。
退出码：0 未发现错误；1 发现错误；2 有文件无法读取或用法错误。`;

/** Runs the CLI with explicit arguments and I/O, returning the exit code (testable in-process). */
export function runCli(argv: string[], io: CliIo): number {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    io.stdout(USAGE);
    return EXIT_CLEAN;
  }
  if (command === 'fix') return runFix(rest, io);
  if (command === 'template') return runTemplate(rest, io);
  if (command !== 'lint') {
    io.stderr(command ? `未知命令“${command}”。\n\n${USAGE}` : USAGE);
    return EXIT_UNREADABLE_OR_USAGE;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, options: { format: { type: 'string', default: 'text' }, prev: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    io.stderr(`参数错误：${(error as Error).message}\n\n${USAGE}`);
    return EXIT_UNREADABLE_OR_USAGE;
  }
  if (parsed.values.help) {
    io.stdout(USAGE);
    return EXIT_CLEAN;
  }
  const format = parsed.values.format;
  if (format !== 'text' && format !== 'json') {
    io.stderr(`不支持的输出格式“${format}”，可用 text 或 json。`);
    return EXIT_UNREADABLE_OR_USAGE;
  }
  if (parsed.positionals.length === 0) {
    io.stderr(`请指定要检查的 .docx 文件或文件夹。\n\n${USAGE}`);
    return EXIT_UNREADABLE_OR_USAGE;
  }

  let previousGiven: LintedReport | null = null;
  if (parsed.values.prev !== undefined) {
    const prev = lintFile(parsed.values.prev, io);
    if (!('result' in prev) || !prev.result.isReport) {
      io.stderr(`无法使用上一年报告 ${parsed.values.prev}：${'result' in prev ? '未找到年度报告的表格和章节标题。' : prev.error}`);
      return EXIT_UNREADABLE_OR_USAGE;
    }
    previousGiven = linted(parsed.values.prev, prev.result);
  }
  const checked = collectInputs(parsed.positionals).map((input) =>
    input.problem ? unreadable(input.path, input.problem) : lintFile(input.path, io));
  const reports = checked.flatMap((c) => ('result' in c ? [linted(c.file, c.result)] : []));
  const results = checked.map((c): FileResult => {
    if (!('result' in c)) return c;
    const report = reports.find((r) => r.file === c.file)!;
    const previous = findPrevious(report, reports, previousGiven);
    if (!previous) return fileResult(c.file, c.result, null);
    const { result, pairing } = checkAgainst(report, previous, io.currentYear);
    return fileResult(c.file, result, pairing);
  });
  io.stdout(format === 'json' ? formatJson(results) : formatText(results));
  if (results.some((r) => r.error)) return EXIT_UNREADABLE_OR_USAGE;
  return results.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? EXIT_FINDINGS : EXIT_CLEAN;
}

function fileResult(file: string, result: LintResult, previous: FileResult['previous']): FileResult {
  return { file, template: result.template, error: null, diagnostics: result.diagnostics, year: result.year, isReport: result.isReport, previous };
}

function lintFile(path: string, io: CliIo): FileResult | { file: string; result: LintResult } {
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(path);
  } catch (error) {
    return unreadable(path, `无法打开文件（${(error as NodeJS.ErrnoException).code ?? (error as Error).message}）。`);
  }
  try {
    return { file: path, result: lintDocx(bytes, { currentYear: io.currentYear }) };
  } catch (error) {
    if (error instanceof DocumentReadError) return unreadable(path, error.message);
    return unreadable(path, `检查时发生内部错误：${(error as Error).message}`);
  }
}

function unreadable(file: string, error: string): FileResult {
  return { file, template: null, error, diagnostics: [], year: null, isReport: false, previous: null };
}

export function runFromProcess(): void {
  process.exitCode = runCli(process.argv.slice(2), processIo());
}
