import { DocumentReadError } from '../../docmodel';
import { docxFromFlatOpc, fixAllDocx } from '../docx';
import type { CheckOptions } from '../report-host';
import type { WpsDocument } from './wps-api';

export interface FixedCopy {
  bytes: Uint8Array;
  fileName: string;
  /** Fixes made in the copy. */
  applied: number;
}

/**
 * Where WPS cannot write a structural fix into the open document (no Range.InsertXML): the whole
 * document as WPS exports it (Content.WordOpenXML), fixed by the .docx host, as a new .docx the
 * user opens instead. The open document is not touched.
 */
export function fixedCopyOfWpsDocument(document: WpsDocument, options: CheckOptions): FixedCopy {
  let flat: string | undefined;
  try {
    flat = document.Content.WordOpenXML;
  } catch {
    flat = undefined;
  }
  if (typeof flat !== 'string' || flat === '') {
    throw new DocumentReadError('not-word', '此版本的 WPS 无法导出文档内容，不能生成修复后的副本。请保存文档，在浏览器版或命令行中修复。');
  }
  const report = fixAllDocx(docxFromFlatOpc(flat), { currentYear: options.currentYear, reportYear: options.reportYear }, options.ignoredKeys ?? []);
  const base = (document.Name || '年度报告').replace(/\.(docx?|wps|xml)$/i, '');
  return { bytes: report.bytes, fileName: `${base}-已修复.docx`, applied: report.applied.length };
}
