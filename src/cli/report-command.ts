import { parseArgs } from 'node:util';
import { buildReview, renderReviewHtml, reviewJson, type Review, type ReportSummary } from '../review';
// Not through ../review's index: the browser review page imports that and must not carry exceljs.
import { reviewWorkbook } from '../review/review-xlsx';
import { collectInputs } from './collect-files';
import { EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNREADABLE_OR_USAGE } from './exit-codes';
import type { CliIo } from './io';
import { LIMIT_OPTIONS, limitsFrom } from './limit-options';
import { processBatch } from './batch';
import { outputProblem } from './output-target';

export const REPORT_USAGE = `  nianbao report <文件或文件夹>... [-o 审核报告.html] [--format html|xlsx|json] [--force]   汇总审核报告`;

const USAGE = `用法：
${REPORT_USAGE}

检查给出的所有年报（.docx 和网页 .html），写出一份审核报告：总览（每份报告一行，可排序筛选）、
每份报告的问题和表格预览、无法读取的文件、同一单位同一年度重复的、缺少的年度。
html 是一个独立的网页文件（不联网，可拷到 U 盘打开、打印）；xlsx 是 Excel 表格（总览、问题清单、需要注意）；
json 供其他程序使用。
已有同名文件时不覆盖，除非加 --force。`;

/** `nianbao report`: a reviewer's whole pile in one report. */
export function runReport(args: string[], io: CliIo): number | Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { output: { type: 'string', short: 'o' }, format: { type: 'string', default: 'html' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, ...LIMIT_OPTIONS } });
  } catch (error) {
    io.stderr(`参数错误：${(error as Error).message}\n\n${USAGE}`);
    return EXIT_UNREADABLE_OR_USAGE;
  }
  if (parsed.values.help) {
    io.stdout(USAGE);
    return EXIT_CLEAN;
  }
  const format = parsed.values.format;
  if (format !== 'html' && format !== 'json' && format !== 'xlsx') {
    io.stderr(`不支持的输出格式“${format}”，可用 html、xlsx 或 json。`);
    return EXIT_UNREADABLE_OR_USAGE;
  }
  if (parsed.positionals.length === 0) {
    io.stderr(`请指定要汇总的年报文件或文件夹。\n\n${USAGE}`);
    return EXIT_UNREADABLE_OR_USAGE;
  }
  const limits = limitsFrom(parsed.values);
  if (typeof limits === 'string') {
    io.stderr(limits);
    return EXIT_UNREADABLE_OR_USAGE;
  }
  const target = parsed.values.output ?? `审核报告.${format}`;
  const problem = outputProblem(target, parsed.values.force ? 'replace' : 'create');
  if (problem) {
    io.stderr(problem);
    return EXIT_UNREADABLE_OR_USAGE;
  }

  const inputs = collectInputs(parsed.positionals);
  const started = Date.now();
  const summaries = processBatch('report', inputs, io, limits, (done, path) =>
    io.progress?.(`${done}/${inputs.length}  ${Math.round((Date.now() - started) / 1000)} 秒  ${path}`));
  const write = (perFile: ReportSummary[][]) => writeReview(perFile.flat(), format, target, parsed.values.force === true, started, io);
  return Array.isArray(summaries) ? write(summaries) : summaries.then(write);
}

function writeReview(summaries: ReportSummary[], format: 'html' | 'json' | 'xlsx', target: string, force: boolean, started: number, io: CliIo): number | Promise<number> {
  io.progress?.('');
  const review = buildReview(summaries);
  const now = io.now?.() ?? new Date();
  const done = (): number => {
    io.stdout(`已写入 ${target}：${review.reports.length} 份年报，${review.withErrors} 份有错误${review.unreadable.length ? `，${review.unreadable.length} 个文件无法读取` : ''}${review.duplicates.length ? `，${review.duplicates.length} 处重复` : ''}${review.missingYears.length ? `，${review.missingYears.length} 个单位缺少年度` : ''}（用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒）。`);
    if (review.unreadable.length > 0) return EXIT_UNREADABLE_OR_USAGE;
    return review.withErrors > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
  };
  const write = (bytes: Uint8Array): number => {
    try {
      io.writeFileAtomic(target, bytes, { replace: force });
    } catch (error) {
      io.stderr(`无法写入 ${target}：${(error as Error).message}`);
      return EXIT_UNREADABLE_OR_USAGE;
    }
    return done();
  };
  if (format === 'xlsx') {
    // exceljs writes asynchronously.
    return reviewWorkbook(review, now).then(write, (error: Error) => {
      io.stderr(`无法生成 ${target}：${error.message}`);
      return EXIT_UNREADABLE_OR_USAGE;
    });
  }
  return write(new TextEncoder().encode(reviewText(review, format, now)));
}

function reviewText(review: Review, format: 'html' | 'json', now: Date): string {
  if (format === 'json') return JSON.stringify(reviewJson(review), null, 2) + '\n';
  return renderReviewHtml(review, { generatedAt: now.toLocaleString('zh-CN', { hour12: false }) });
}
