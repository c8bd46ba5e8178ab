import { parseArgs } from 'node:util';
import { CURRENT_FORMAT } from '../template';
import type { PackageLimits } from '../docmodel';
import { collectInputs } from './collect-files';
import type { FileResult } from './file-result';
import { formatJson } from './format-json';
import { formatText } from './format-text';
import { formatXlsx } from './format-xlsx';
import { EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNREADABLE_OR_USAGE } from './exit-codes';
import { runFix } from './fix-command';
import { processIo, type CliIo } from './io';
import { LIMIT_OPTIONS, LIMITS_USAGE, limitsFrom } from './limit-options';
import { outputProblem } from './output-target';
import { REPORT_USAGE, runReport } from './report-command';
import { checkAgainst, checkFile, findPrevious, type CheckedFile } from './previous-year';
import { processBatch } from './batch';
import { runTemplate } from './template-command';

export { EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNREADABLE_OR_USAGE } from './exit-codes';
export type { CliIo } from './io';

const USAGE = `用法：
  nianbao lint <文件.docx | 文件夹>... [--format text|json] [--prev 上一年报告.docx]   检查报告
      同一机关相邻两个年度的报告一起检查时自动对比（上年结转、现行有效件数）
  nianbao lint <文件.docx | 文件夹>... --format xlsx -o 检查记录.xlsx [--force]   检查记录存为 Excel 表格
  nianbao fix <报告.docx> [-o 输出.docx] [--force] [--in-place] [--dry-run]   自动修复
  nianbao template [-o 报告.docx] [--force] [--year 2025] [--agency "某某镇人民政府"]   生成空白标准报告
${REPORT_USAGE}

lint 和 fix 的大小上限（防止异常文件耗尽内存）：
${LIMITS_USAGE}

检查政府信息公开工作年度报告（.docx，或网页 .html）是否符合${CURRENT_FORMAT.notice}规定的格式。
退出码：0 未发现错误；1 发现错误；2 有文件无法读取或用法错误。`;

/**
 * Runs the CLI with explicit arguments and I/O, returning the exit code (testable in-process);
 * a promise of it for `--format xlsx`, whose writer is asynchronous.
 */
export function runCli(argv: string[], io: CliIo): number | Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    io.stdout(USAGE);
    return EXIT_CLEAN;
  }
  if (command === 'fix') return runFix(rest, io);
  if (command === 'template') return runTemplate(rest, io);
  if (command === 'report') return runReport(rest, io);
  if (command !== 'lint') {
    io.stderr(command ? `未知命令“${command}”。\n\n${USAGE}` : USAGE);
    return EXIT_UNREADABLE_OR_USAGE;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, options: { format: { type: 'string', default: 'text' }, output: { type: 'string', short: 'o' }, force: { type: 'boolean' }, prev: { type: 'string' }, help: { type: 'boolean', short: 'h' }, ...LIMIT_OPTIONS } });
  } catch (error) {
    io.stderr(`参数错误：${(error as Error).message}\n\n${USAGE}`);
    return EXIT_UNREADABLE_OR_USAGE;
  }
  if (parsed.values.help) {
    io.stdout(USAGE);
    return EXIT_CLEAN;
  }
  const format = parsed.values.format;
  if (format !== 'text' && format !== 'json' && format !== 'xlsx') {
    io.stderr(`不支持的输出格式“${format}”，可用 text、json 或 xlsx。`);
    return EXIT_UNREADABLE_OR_USAGE;
  }
  const output = parsed.values.output;
  if (format === 'xlsx' && !output) {
    io.stderr('--format xlsx 需要用 -o 指定输出文件，例如 -o 检查记录.xlsx。');
    return EXIT_UNREADABLE_OR_USAGE;
  }
  const outputBlocked = output && outputProblem(output, parsed.values.force ? 'replace' : 'create');
  if (outputBlocked) {
    io.stderr(outputBlocked);
    return EXIT_UNREADABLE_OR_USAGE;
  }
  if (parsed.positionals.length === 0) {
    io.stderr(`请指定要检查的 .docx 文件或文件夹。\n\n${USAGE}`);
    return EXIT_UNREADABLE_OR_USAGE;
  }
  const limits = limitsFrom(parsed.values);
  if (typeof limits === 'string') {
    io.stderr(limits);
    return EXIT_UNREADABLE_OR_USAGE;
  }

  let previousGiven: CheckedFile | null = null;
  if (parsed.values.prev !== undefined) {
    const prev = checkFile(parsed.values.prev, io, limits);
    if (prev.error !== null || !prev.isReport) {
      io.stderr(`无法使用上一年报告 ${parsed.values.prev}：${prev.error ?? '未找到年度报告的表格和章节标题。'}`);
      return EXIT_UNREADABLE_OR_USAGE;
    }
    previousGiven = prev;
  }
  const checked = processBatch('lint', collectInputs(parsed.positionals), io, limits);
  const report = (files: CheckedFile[]) => {
    const results = pairWithPreviousYear(files, previousGiven, io, limits);
    return writeLintOutput(results, format, output, parsed.values.force === true, io);
  };
  return Array.isArray(checked) ? report(checked) : checked.then(report);
}

/** Each report checked against last year's where that report is known (--prev or among the inputs). */
function pairWithPreviousYear(checked: CheckedFile[], previousGiven: CheckedFile | null, io: CliIo, limits: PackageLimits): FileResult[] {
  return checked.map((c): FileResult => {
    if (c.error !== null) return fileResult(c, null);
    const previous = findPrevious(c, checked, previousGiven);
    if (!previous) return fileResult(c, null);
    const { result, pairing } = checkAgainst(c, previous, io, limits);
    return fileResult(result, pairing);
  });
}

function writeLintOutput(results: FileResult[], format: 'text' | 'json' | 'xlsx', output: string | undefined, force: boolean, io: CliIo): number | Promise<number> {
  const exitCode = results.some((r) => r.error)
    ? EXIT_UNREADABLE_OR_USAGE
    : results.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? EXIT_FINDINGS : EXIT_CLEAN;
  if (format === 'xlsx') {
    return formatXlsx(results, new Date()).then((bytes) => {
      io.writeFileAtomic(output!, bytes, { replace: force });
      io.stdout(`检查记录已写入 ${output}（${results.length} 个文件）。`);
      return exitCode;
    }).catch((error: Error) => {
      io.stderr(`无法写入检查记录：${error.message}`);
      return EXIT_UNREADABLE_OR_USAGE;
    });
  }
  io.stdout(format === 'json' ? formatJson(results) : formatText(results));
  return exitCode;
}

function fileResult(checked: CheckedFile, previous: FileResult['previous']): FileResult {
  const { file, template, error, diagnostics, year, isReport } = checked;
  return { file, template, error, diagnostics, year, isReport, previous };
}

export function runFromProcess(): void {
  const code = runCli(process.argv.slice(2), processIo());
  if (typeof code === 'number') process.exitCode = code;
  else void code.then((c) => (process.exitCode = c));
}
