export { applyFixes, type ApplyResult, type NewComment, type SkippedFix } from './apply-edits';
export { COMMENT_AUTHOR, docxBytes, documentXmlOf, isMacroEnabled, openDocx, withDocument, type DocxPackage } from './docx-package';
export { applyFixToDocx, fixAllDocx, type AppliedFix, type FixReport } from './fix-docx';
export { docxFromFlatOpc } from './flat-opc-to-docx';
export { MAX_FIX_PASSES } from '../../engine';
