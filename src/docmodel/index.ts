import { canonicalForm } from '../ooxml/canonical-prefixes';
import { extractDocumentXml } from './open-package';
import type { PackageLimits } from './zip-archive';
import { parseWordprocessingML } from './parse-wordml';
import type { DocumentModel } from './model';

export * from './model';
export { DocumentReadError, type ReadErrorCode } from './read-error';
export { extractDocumentXml } from './open-package';
export { DEFAULT_LIMITS, type PackageLimits } from './zip-archive';
export { parseWordprocessingML } from './parse-wordml';

/** Bytes of a .docx (or flat OPC text) to a DocumentModel; throws DocumentReadError with a Chinese message. */
export function readDocument(bytes: Uint8Array, limits?: PackageLimits): DocumentModel {
  const xml = extractDocumentXml(bytes, limits);
  // Read as the docx host edits it: WordprocessingML under `w:` (a default namespace or ns0: translated).
  return parseWordprocessingML(canonicalForm(xml)?.xml ?? xml);
}
