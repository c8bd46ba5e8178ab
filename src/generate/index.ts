/**
 * Generating standard content as WordprocessingML from the template data: the standard tables
 * (whole, or one data row for the fix engine), a blank report, and a minimal .docx package.
 * Pure (no Node or DOM APIs): runs in the browser and in the Word add-in.
 */
export {
  standardTableXml, standardTablesXml, standardTableLayout, standardRowCells, standardRowXml,
  defaultGroupMerge, standardCellAddress, standardGridWidths, STANDARD_TABLE_WIDTH,
  type MergeState, type CellRole, type StandardCell, type StandardRow, type LabelRole,
  type CellTextOptions, type TableXmlOptions, type RowOptions,
} from './table-ooxml';
export { reportSkeletonXml, reportTitle, templateYear, type ReportSkeletonOptions } from './report-ooxml';
export {
  documentXml, buildDocx, blankReportDocx, A4, OFFICIAL_MARGINS,
  type PageMargins, type DocumentXmlOptions, type BuildDocxOptions,
} from './docx-package';
export { escapeXml } from './ooxml';
