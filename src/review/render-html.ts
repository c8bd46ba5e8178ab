import { OWN_REPORT_GENERATOR } from '../docmodel';
import { describePlace, ruleMeta } from '../rules';
import { FORMAT_NAMES } from '../template';
import type { Review } from './review';
import { COUNTED_AREAS, type CountedArea, type Finding, type PreviewTable, type ReportSummary } from './summary';

/**
 * The reviewer's report as one self-contained HTML page: no request leaves it (styles and the
 * small sort/filter script are inline), it opens from a USB stick and prints on A4. An overview
 * table (one row per report), then per report its findings, each linked to its cell in a preview
 * of the report's tables; then the files that could not be read, duplicates and missing years.
 */
export interface ReviewPageOptions {
  title?: string;
  /** When the report was made, as shown in its header (injected: the engine has no clock). */
  generatedAt: string;
}

const AREA_NAMES: Record<CountedArea, string> = { active: '表二', applications: '表三', review: '表四', text: '正文' };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function renderReviewHtml(review: Review, options: ReviewPageOptions): string {
  const title = options.title ?? '政府信息公开工作年度报告审核报告';
  const total = review.reports.length + review.unreadable.length + review.notReports.length;
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="generator" content="${OWN_REPORT_GENERATOR}"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><style>${STYLE}</style></head>
<body>
<header><h1>${esc(title)}</h1>
<p class="meta">共 ${total} 个文件：${review.reports.length} 份年报，其中 ${review.withErrors} 份有错误${review.unreadable.length ? `；${review.unreadable.length} 个无法读取` : ''}${review.notReports.length ? `；${review.notReports.length} 个不是年报` : ''}。生成于 ${esc(options.generatedAt)}，由政务公开年报检查（nianbao-lint）在本机生成，文件内容未上传。</p></header>
${overview(review)}
${problemsSection(review)}
${review.reports.map((r, i) => reportSection(r, i, review)).join('\n')}
<script>${SCRIPT}</script>
</body></html>
`;
}

function overview(review: Review): string {
  const rows = review.reports.map((r, i) => {
    const errors = COUNTED_AREAS.reduce((n, a) => n + r.counts[a].errors, 0);
    const warnings = COUNTED_AREAS.reduce((n, a) => n + r.counts[a].warnings, 0);
    const previous = review.previousYear.get(r);
    const cells = COUNTED_AREAS.map((a) => `<td data-sort="${r.counts[a].errors * 1000 + r.counts[a].warnings}">${countCell(r.counts[a].errors, r.counts[a].warnings)}</td>`).join('');
    return `<tr data-errors="${errors}" data-warnings="${warnings}"><td><a href="#report-${i}">${esc(r.agency ?? '（未识别）')}</a><div class="file">${esc(r.file)}</div></td>`
      + `<td data-sort="${r.year ?? 0}">${r.year ?? '—'}</td><td>${r.template ? FORMAT_NAMES[r.template] : '—'}${r.fromPage ? '<div class="file">网页</div>' : ''}</td>${cells}`
      + `<td data-sort="${errors * 1000 + warnings}">${countCell(errors, warnings, true)}</td><td>${previous ? `有（${esc(baseName(previous.file))}）` : '—'}</td></tr>`;
  }).join('\n');
  return `<section class="overview"><h2>总览</h2>
<div class="filters no-print"><label>筛选 <input type="search" id="filter" placeholder="单位、文件名或年份"></label>
<label><input type="checkbox" id="only-errors"> 只看有错误的</label></div>
<table id="overview"><thead><tr><th data-type="text">单位</th><th data-type="number">年度</th><th data-type="text">格式</th>${COUNTED_AREAS.map((a) => `<th data-type="number">${AREA_NAMES[a]}</th>`).join('')}<th data-type="number">合计</th><th data-type="text">上一年报告</th></tr></thead>
<tbody>${rows || '<tr><td colspan="9">没有可读的年报。</td></tr>'}</tbody></table>
<p class="legend">数字为“错误 / 警告”个数；点击表头排序。</p></section>`;
}

function countCell(errors: number, warnings: number, strong = false): string {
  if (errors === 0 && warnings === 0) return `<span class="ok">${strong ? '无问题' : '—'}</span>`;
  return `<span class="${errors ? 'err' : 'warn'}">${errors} / ${warnings}</span>`;
}

function problemsSection(review: Review): string {
  const parts: string[] = [];
  if (review.unreadable.length) parts.push(`<h3>无法读取的文件</h3><ul>${review.unreadable.map((r) => `<li><span class="file">${esc(r.file)}</span>：${esc(r.error ?? '')}</li>`).join('')}</ul>`);
  if (review.notReports.length) parts.push(`<h3>不像年报的文件</h3><ul>${review.notReports.map((r) => `<li><span class="file">${esc(r.file)}</span>：未找到年报的表格和章节标题。</li>`).join('')}</ul>`);
  if (review.duplicates.length) parts.push(`<h3>同一单位同一年度有多份</h3><ul>${review.duplicates.map((d) => `<li>${esc(d.agency)} ${d.year} 年度：${d.files.map((f) => `<span class="file">${esc(f)}</span>`).join('、')}</li>`).join('')}</ul>`);
  if (review.missingYears.length) parts.push(`<h3>缺少的年度</h3><ul>${review.missingYears.map((m) => `<li>${esc(m.agency)}：有 ${m.seen.join('、')} 年度，缺 ${m.years.join('、')} 年度</li>`).join('')}</ul>`);
  return parts.length ? `<section class="problems"><h2>需要注意的文件</h2>${parts.join('')}</section>` : '';
}

function reportSection(r: ReportSummary, index: number, review: Review): string {
  const id = `report-${index}`;
  const previous = review.previousYear.get(r);
  const head = `<h2 id="${id}">${esc(r.agency ?? '（未识别单位）')} ${r.year ?? ''} 年度</h2><p class="file">${esc(r.file)} · ${r.template ? FORMAT_NAMES[r.template] : '未找到表格'}${r.fromPage ? ' · 网页（只能检查，不能自动修复）' : ''}${previous ? ` · 上一年：${esc(baseName(previous.file))}` : ''}</p>`;
  if (r.findings.length === 0) return `<section class="report">${head}<p class="ok">未发现问题。</p></section>`;
  const flagged = new Set(r.findings.map((d) => cellKey(d)).filter((k): k is string => k !== null));
  const findings = r.findings.map((d) => {
    const key = cellKey(d);
    const place = describePlace(d.table, d.row, d.column);
    const link = key ? `<a href="#${id}-${key}">${esc(place)}</a>` : esc(place);
    return `<li class="${d.severity}"><span class="sev">${d.severity === 'error' ? '错误' : '警告'}</span> <span class="place">${link}</span> <span class="rule">${esc(ruleMeta(d.rule).name)}</span><div class="msg">${esc(d.message)}</div></li>`;
  }).join('');
  const tables = tablesWithFindings(r, flagged).map((t) => tablePreview(t, id, flagged)).join('');
  return `<section class="report">${head}<ol class="findings">${findings}</ol>${tables ? `<details class="tables" open><summary>表格预览（有问题的单元格已标出）</summary>${tables}</details>` : ''}</section>`;
}

function cellKey(d: Finding): string | null {
  const l = d.location;
  if (!l || !('tableIndex' in l) || l.cellIndex === null || l.cellIndex === undefined) return null;
  return `t${l.tableIndex}r${l.rowIndex}c${l.cellIndex}`;
}

function tablesWithFindings(r: ReportSummary, flagged: Set<string>): PreviewTable[] {
  return r.tables.filter((t) => [...flagged].some((k) => k.startsWith(`t${t.tableIndex}r`)));
}

/** A table as the reader sees it (merged cells merged), each cell with an id a finding can link to. */
function tablePreview(table: PreviewTable, reportId: string, flagged: Set<string>): string {
  const rows = table.rows.map((row) => {
    const cells = row.cells.filter((c) => c.verticalMerge !== 'continue').map((c) => {
      const key = `t${table.tableIndex}r${row.rowIndex}c${c.cellIndex}`;
      const spans = (c.gridSpan > 1 ? ` colspan="${c.gridSpan}"` : '') + (c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : '');
      const cls = flagged.has(key) ? ' class="flag"' : '';
      return `<td id="${reportId}-${key}"${spans}${cls}>${esc(c.text).replace(/\n/g, '<br>')}</td>`;
    }).join('');
    return `<tr>${row.gridBefore > 0 ? `<td colspan="${row.gridBefore}" class="pad"></td>` : ''}${cells}</tr>`;
  }).join('');
  return `<table class="preview">${rows}</table>`;
}

const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;

const STYLE = `
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;font-size:14px;color:#242424;margin:24px;line-height:1.5}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 4px;border-bottom:1px solid #d1d1d1}h3{font-size:15px}
.meta,.file,.legend{color:#616161;font-size:12px}
table{border-collapse:collapse}th,td{border:1px solid #c8c8c8;padding:3px 6px;vertical-align:top}
#overview th{background:#f0f0f0;cursor:pointer;white-space:nowrap}#overview th.asc::after{content:" ▲"}#overview th.desc::after{content:" ▼"}
.err{color:#b10e1c;font-weight:600}.warn{color:#8a5300}.ok{color:#107c10}
.filters{margin:8px 0;display:flex;gap:16px}
.findings{padding-left:20px}.findings li{margin:6px 0}.findings .sev{display:inline-block;min-width:2.5em;font-size:12px;padding:0 4px;border-radius:3px;white-space:nowrap}
.findings .error .sev{background:#fde7e9;color:#b10e1c}.findings .warning .sev{background:#fff4ce;color:#8a5300}
.place{font-weight:600}.rule{color:#616161;font-size:12px}.msg{margin-left:3.2em}
table.preview{margin:8px 0 16px;font-size:12px}table.preview td.flag{background:#fde7e9}table.preview td:target{outline:3px solid #b10e1c;background:#fbd0d4}
@media print{.no-print{display:none}body{margin:0;font-size:11pt}a{color:inherit;text-decoration:none}section.report{break-before:page}details>summary{display:none}table{page-break-inside:auto}tr{break-inside:avoid}}
`;

/** Sorting by a header click and filtering by text or "errors only": no library, no request. */
const SCRIPT = `
(function(){var t=document.getElementById('overview');if(!t)return;var body=t.tBodies[0];
var rows=function(){return Array.prototype.slice.call(body.rows)};
Array.prototype.forEach.call(t.tHead.rows[0].cells,function(th,i){th.addEventListener('click',function(){
var asc=!th.classList.contains('asc');Array.prototype.forEach.call(t.tHead.rows[0].cells,function(h){h.classList.remove('asc','desc')});th.classList.add(asc?'asc':'desc');
var num=th.getAttribute('data-type')==='number';var key=function(r){var c=r.cells[i];var v=c.getAttribute('data-sort')||c.textContent;return num?parseFloat(v)||0:v};
rows().sort(function(a,b){var x=key(a),y=key(b);var d=num?x-y:String(x).localeCompare(String(y),'zh');return asc?d:-d}).forEach(function(r){body.appendChild(r)})})});
var f=document.getElementById('filter'),e=document.getElementById('only-errors');
function apply(){var q=f.value.trim();rows().forEach(function(r){var show=(!q||r.textContent.indexOf(q)>=0)&&(!e.checked||r.getAttribute('data-errors')!=='0');r.style.display=show?'':'none'})}
f.addEventListener('input',apply);e.addEventListener('change',apply)})();
`;
