import { strFromU8, unzipSync } from 'fflate';
import { DocumentReadError } from './read-error';

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const OFFICE_DOCUMENT_REL = /Type="[^"]*\/officeDocument"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Type="[^"]*\/officeDocument"/;

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((b, i) => bytes[i] === b);

/**
 * Finds the main document XML in what the user gave us: a .docx (zip), or a flat OPC / bare
 * document.xml as text. Everything else gets a message saying what the file is and what to do.
 */
export function extractDocumentXml(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new DocumentReadError('empty', '文件是空的（0 字节）。');
  if (startsWith(bytes, OLE_SIGNATURE)) {
    // Encrypted .docx files are OLE containers holding an EncryptionInfo stream; anything else is a legacy .doc.
    if (containsUtf16(bytes, 'EncryptionInfo') || containsUtf16(bytes, 'EncryptedPackage')) {
      throw new DocumentReadError('encrypted', '文件已加密（设置了打开密码），无法检查。请在 Word 或 WPS 中取消密码后另存为 .docx 再试。');
    }
    throw new DocumentReadError('legacy-doc', '这是旧版 Word 97-2003 文档（.doc），无法直接检查。请在 Word 或 WPS 中“另存为” .docx 格式后再试。');
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return documentXmlFromZip(bytes);
  const head = strFromU8(bytes.subarray(0, 512), true).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('<')) return strFromU8(bytes);
  if (head.startsWith('%PDF')) throw new DocumentReadError('not-word', '这是 PDF 文件，不是 Word 文档。请检查报告的 .docx 原稿。');
  if (head.startsWith('{\\rtf')) throw new DocumentReadError('not-word', '这是 RTF 文件，不是 .docx。请在 Word 或 WPS 中另存为 .docx 后再试。');
  throw new DocumentReadError('not-word', '无法识别的文件格式：不是 Word 文档（.docx）。');
}

function documentXmlFromZip(bytes: Uint8Array): string {
  // Only the parts needed are inflated: the relationship part and the main document.
  const { files, mainPart } = unzipWordPackage(bytes, isWordPart);
  return strFromU8(files[mainPart]);
}

/** Parts that can hold a Word document's main part or point to it. */
const isWordPart = (name: string) => name === '_rels/.rels' || /^word\/[^/]+\.xml$/.test(name) || /document[^/]*\.xml$/.test(name);

/**
 * Unzips a .docx (the parts `wanted` picks, or all) and finds its main document part, with the
 * same messages for a corrupt zip or a zip that is not a Word document wherever a host opens one.
 */
export function unzipWordPackage(bytes: Uint8Array, wanted: (name: string) => boolean = () => true): { files: Record<string, Uint8Array>; mainPart: string } {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => wanted(f.name) });
  } catch {
    throw new DocumentReadError('corrupt', '文件已损坏，无法解压。请重新保存或重新下载该文件。');
  }
  const mainPart = mainDocumentPath(files['_rels/.rels']);
  if (!files[mainPart]) {
    if (!Object.keys(files).some(isWordPart)) {
      throw new DocumentReadError('not-word', '这是压缩包，但不是 Word 文档（缺少 word/document.xml）。');
    }
    throw new DocumentReadError('not-word', `这不是 Word 文档（缺少正文部件 ${mainPart}），可能是 Excel 或 PowerPoint 文件。`);
  }
  return { files, mainPart };
}

/** The main document part named by the package relationships (_rels/.rels), word/document.xml by default. */
function mainDocumentPath(rels: Uint8Array | undefined): string {
  const match = rels ? OFFICE_DOCUMENT_REL.exec(strFromU8(rels)) : null;
  const target = match?.[1] ?? match?.[2];
  return target ? target.replace(/^\//, '') : 'word/document.xml';
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) needle[i * 2] = text.charCodeAt(i);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}
