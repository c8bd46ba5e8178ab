import type { CheckOptions, TemplateChoice } from '../report-host';
import { flatOpcPackage } from '../word/flat-opc';
import { templateXml } from '../word/templates';
import type { WpsApplication } from './wps-api';

/**
 * Inserts the template after the paragraph holding the cursor; when the cursor is in a table,
 * after that table (Range.Tables.Item(1) is the outermost one), separated by an empty paragraph so
 * the two tables are not joined.
 */
export function insertTemplateInWps(application: WpsApplication, what: TemplateChoice, options: CheckOptions): void {
  const selection = application.Selection.Range;
  const inTable = selection.Tables.Count > 0;
  const at = inTable ? selection.Tables.Item(1).Range : selection.Paragraphs.Item(1).Range;
  if (typeof at.InsertXML !== 'function') {
    throw new Error('此版本的 WPS 不支持插入 XML，无法插入模板：请在浏览器版中点“下载空白模板”，再复制到文档中。');
  }
  at.Collapse(0);
  at.InsertXML(flatOpcPackage((inTable ? '<w:p/>' : '') + templateXml(what, options)));
}
