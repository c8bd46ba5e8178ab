import { parseArgs } from 'node:util';
import { blankReportDocx, templateYear } from '../generate';
import { CURRENT_FORMAT } from '../template';
import type { CliIo } from './io';
import { EXIT_CLEAN, EXIT_UNREADABLE_OR_USAGE } from './exit-codes';
import { outputProblem } from './output-target';

export const TEMPLATE_USAGE = `用法：
  nianbao template [-o 报告.docx] [--force] [--year 2025] [--agency "某某镇人民政府"]

生成一份空白的标准年度报告（${CURRENT_FORMAT.notice}格式）：标题、六个部分、三张表格（数值为 0）。
默认年份为上一年，默认文件名为 <机关><年份>年政府信息公开工作年度报告.docx。
已有同名文件时不覆盖，除非加 --force。`;

const DEFAULT_AGENCY = '某某镇人民政府';

export function runTemplate(args: string[], io: CliIo): number {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: false, options: { output: { type: 'string', short: 'o' }, force: { type: 'boolean' }, year: { type: 'string' }, agency: { type: 'string' } } });
  } catch (error) {
    io.stderr(`参数错误：${(error as Error).message}\n\n${TEMPLATE_USAGE}`);
    return EXIT_UNREADABLE_OR_USAGE;
  }
  const given = parsed.values.year;
  const year = given === undefined ? templateYear(null, io.currentYear) : /^\d{4}$/.test(given) ? Number(given) : NaN;
  if (!Number.isInteger(year) || year < CURRENT_FORMAT.firstYear || year > io.currentYear + 1) {
    io.stderr(`年份“${parsed.values.year}”无效：${CURRENT_FORMAT.name}适用于 ${CURRENT_FORMAT.firstYear} 年度及以后的报告。`);
    return EXIT_UNREADABLE_OR_USAGE;
  }
  const agency = parsed.values.agency?.trim() || DEFAULT_AGENCY;
  // The agency goes into the default file name: characters no file system accepts are replaced.
  const target = parsed.values.output || `${agency.replace(/[\\/:*?"<>|]/g, '_')}${year}年政府信息公开工作年度报告.docx`;
  if (/\.docm$/i.test(target)) {
    io.stderr(`空白模板不含宏，文件名应以 .docx 结尾，不是 .docm（${target}）。`);
    return EXIT_UNREADABLE_OR_USAGE;
  }
  const problem = outputProblem(target, parsed.values.force ? 'replace' : 'create');
  if (problem) {
    io.stderr(problem);
    return EXIT_UNREADABLE_OR_USAGE;
  }
  try {
    io.writeFileAtomic(target, blankReportDocx({ agency, year }), { replace: parsed.values.force === true });
  } catch (error) {
    io.stderr(`无法写入 ${target}：${(error as Error).message}`);
    return EXIT_UNREADABLE_OR_USAGE;
  }
  io.stdout(`已生成空白标准报告：${target}（${agency}，${year} 年度）。`);
  return EXIT_CLEAN;
}
