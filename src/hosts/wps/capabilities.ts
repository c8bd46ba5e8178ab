import type { HostCapabilities } from '../report-host';
import type { WpsApplication } from './wps-api';

/** Range.InsertXML exists: structural fixes and templates can be written into the document. */
export function canInsertXml(application: WpsApplication): boolean {
  try {
    return typeof application.ActiveDocument?.Content.InsertXML === 'function';
  } catch {
    return false;
  }
}

/** What the pane may offer in WPS, with a Chinese note for what is missing or differs. */
export function capabilitiesOfWps(application: WpsApplication): HostCapabilities {
  const document = application.ActiveDocument;
  const notes = ['WPS 不通知文档修改：修改文档后请点“重新检查”。'];
  if (!canInsertXml(application)) notes.push('此版本的 WPS 不支持以 XML 写入：插入或删除表格行、迁移旧版格式表格在全部修复后可下载修复后的副本；插入模板不可用，请在浏览器版或命令行中处理。');
  const comments = !!document?.Comments;
  return { kind: 'wps', trackChanges: true, comments, changeEvents: false, notes };
}
