import { canonicalForm } from '../ooxml/canonical-prefixes';
import { htmlDocumentXml, looksLikeHtml } from './html-document';
import { decodeXml, extractDocumentXml, isZip, openWordPackage } from './open-package';
import { raisedStylesOfPackage } from './raised-styles';
import { DocumentReadError } from './read-error';
import { DEFAULT_LIMITS, type PackageLimits } from './zip-archive';
import { parseWordprocessingML } from './parse-wordml';
import type { DocumentModel } from './model';

export * from './model';
export { DocumentReadError, type ReadErrorCode } from './read-error';
export { extractDocumentXml } from './open-package';
export { OWN_REPORT_GENERATOR } from './html-document';
export { DEFAULT_LIMITS, type PackageLimits } from './zip-archive';
export { parseWordprocessingML } from './parse-wordml';
export { raisedStyleIds, raisedStylesOfPackage } from './raised-styles';

/** Bytes of a .docx (or flat OPC text) to a DocumentModel; throws DocumentReadError with a Chinese message. */
export function readDocument(bytes: Uint8Array, limits?: PackageLimits): DocumentModel {
  if (looksLikeHtml(bytes)) {
    if (bytes.length > (limits ?? DEFAULT_LIMITS).maxPartBytes) throw new DocumentReadError('too-large', '文件过大：网页超过正文的大小上限，未检查。');
    return { ...parseWordprocessingML(htmlDocumentXml(bytes)), format: 'html' };
  }
  // Read as the docx host edits it: WordprocessingML under `w:` (a default namespace or ns0: translated).
  if (isZip(bytes)) {
    const pkg = openWordPackage(bytes, limits);
    const xml = decodeXml(pkg.read(pkg.mainPart)!);
    return parseWordprocessingML(canonicalForm(xml)?.xml ?? xml, () => raisedStylesOfPackage(pkg.mainPart, pkg.read));
  }
  const xml = extractDocumentXml(bytes, limits);
  return parseWordprocessingML(canonicalForm(xml)?.xml ?? xml);
}
