import type { HostCapabilities } from '../report-host';

export interface WordApiSupport {
  /** WordApi 1.3: the table API this host needs at all. */
  tables: boolean;
  /** WordApi 1.4: comments and change tracking. */
  api14: boolean;
  /** WordApi 1.6: paragraph change events. */
  api16: boolean;
}

export function detectSupport(office: typeof Office): WordApiSupport {
  const has = (version: string) => {
    try {
      return office.context.requirements.isSetSupported('WordApi', version);
    } catch {
      return false; // outside Word (or before Office.onReady) nothing is supported
    }
  };
  return { tables: has('1.3'), api14: has('1.4'), api16: has('1.6') };
}

/** Word opened the document read-only (Office.DocumentMode.ReadOnly): the reason to show, else null. */
export function documentReadOnly(office: typeof Office): string | null {
  const mode = (office.context.document as { mode?: unknown } | undefined)?.mode;
  return String(mode).toLowerCase() === 'readonly' ? '文档以只读方式打开，不能修复。请点击 Word 顶部的“启用编辑”后关闭并重新打开本窗格。' : null;
}

/** What the task pane may offer, with a Chinese explanation for each thing that is missing. */
export function capabilitiesOf(support: WordApiSupport): HostCapabilities {
  const notes: string[] = [];
  if (!support.tables) notes.push('此版本的 Word 不支持表格接口（需要 WordApi 1.3：Office 2019、2021、2024 或 Microsoft 365，Office 2016 不支持），无法检查表格。');
  if (!support.api14) notes.push('此版本的 Word 不支持批注和修订接口（需要 WordApi 1.4：Microsoft 365 或零售版 Word 2208 及以上，或 Office 2024；批量授权版 Office 2019、2021 只有 1.3）：修复不能以修订方式应用，需要确认的数值不会加批注。');
  if (!support.api16) notes.push('此版本的 Word 不报告文档修改（需要 WordApi 1.6：Microsoft 365 或 Word 2308 及以上），修改后请点“重新检查”。');
  return { kind: 'word', trackChanges: support.api14, comments: support.api14, changeEvents: support.api16, notes };
}
