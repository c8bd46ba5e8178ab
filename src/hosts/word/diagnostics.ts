import { parseWordprocessingML } from '../../docmodel';
import { documentXml } from '../../generate';
import { firstTableXml } from './flat-opc';

/** Requirement sets worth knowing when a user reports a problem from a real installation. */
const SETS: [string, string[]][] = [
  ['WordApi', ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8', '1.9']],
  ['WordApiDesktop', ['1.1', '1.2', '1.3']],
  ['WordApiOnline', ['1.1']],
  ['DialogApi', ['1.1', '1.2']],
];

/**
 * 复制诊断信息: host, platform, version, supported requirement sets, and each top-level table's
 * shape (rows, cells per row, merges). Never any document text: only counts leave this function.
 */
export async function wordDiagnostics(run: typeof Word.run, office: typeof Office): Promise<string> {
  const info = office.context.diagnostics;
  const supported = SETS.map(([name, versions]) => {
    const yes = versions.filter((v) => {
      try {
        return office.context.requirements.isSetSupported(name, v);
      } catch {
        return false;
      }
    });
    return `${name}: ${yes.length > 0 ? yes.join(' ') : '无'}`;
  });
  let tables: string[];
  try {
    tables = await run(async (context) => {
      const items = context.document.body.tables.load('items/nestingLevel');
      await context.sync();
      const packages = items.items.filter((t) => t.nestingLevel === 1).map((t) => t.getRange('Whole').getOoxml());
      await context.sync();
      return packages.map((p, i) => tableShape(i, p.value));
    });
  } catch (error) {
    tables = [`表格：无法读取（${(error as { code?: string }).code ?? (error as Error).message}）`];
  }
  return [
    '政务公开年报检查 · 诊断信息（不含文档文字）',
    `宿主：${info?.host ?? '未知'}；平台：${info?.platform ?? '未知'}；版本：${info?.version ?? '未知'}`,
    `文档模式：${String((office.context.document as { mode?: unknown }).mode ?? '未知')}`,
    '支持的接口集：',
    ...supported.map((s) => `  ${s}`),
    `表格（顶层 ${tables.length} 个）：`,
    ...tables.map((t) => `  ${t}`),
  ].join('\n');
}

/** "表1：18 行；每行单元格 3,3,7×16；横向合并 2 处，纵向合并 4 处，已删除行 0" — counts only. */
export function tableShape(index: number, tablePackage: string): string {
  const xml = firstTableXml(tablePackage);
  if (xml === null) return `表${index + 1}：无法解析`;
  const table = parseWordprocessingML(documentXml(xml)).tables[0];
  const rowsInXml = (xml.match(/<w:tr[\s>]/g) ?? []).length;
  if (!table) return `表${index + 1}：${rowsInXml} 行，全部为已删除的修订`;
  const counts = table.rows.map((r) => r.cells.length);
  const runs: string[] = [];
  for (let i = 0; i < counts.length;) {
    let j = i;
    while (j < counts.length && counts[j] === counts[i]) j++;
    runs.push(j - i > 1 ? `${counts[i]}×${j - i}` : `${counts[i]}`);
    i = j;
  }
  const cells = table.rows.flatMap((r) => r.cells);
  const spans = cells.filter((c) => c.gridSpan > 1).length;
  const vertical = cells.filter((c) => c.verticalMerge === 'restart').length;
  const nested = (xml.match(/<w:tbl[\s>]/g) ?? []).length - 1;
  return `表${index + 1}：${table.rows.length} 行，${table.gridColumnCount} 列网格；每行单元格 ${runs.join(',')}；横向合并 ${spans} 处，纵向合并 ${vertical} 处；已删除行 ${rowsInXml - table.rows.length}；嵌套表格 ${nested}`;
}
