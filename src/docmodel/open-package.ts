import { looksLikeHtml } from './html-document';
import { DocumentReadError } from './read-error';
import { DEFAULT_LIMITS, inflateEntry, InflateBudget, readZipArchive, tooLarge, type PackageLimits, type ZipArchive, type ZipEntry } from './zip-archive';

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const OFFICE_DOCUMENT_TYPE = /\/officeDocument$/;
const DEFAULT_MAIN_PART = 'word/document.xml';

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((b, i) => bytes[i] === b);
export const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b;

/** An opened .docx: its zip directory, the main part's name, and parts inflated on demand within the limits. */
export interface WordPackage {
  archive: ZipArchive;
  mainPart: string;
  /** The entry of a part by its name (zip names compare case-insensitively in OPC), or null. */
  entry(name: string): ZipEntry | null;
  /** A part's inflated bytes, counted against the limits; null when the package has no such part. */
  read(name: string): Uint8Array | null;
}

/**
 * Finds the main document XML in what the user gave us: a .docx (zip), or a flat OPC / bare
 * document.xml as text. Everything else gets a message saying what the file is and what to do.
 */
export function extractDocumentXml(bytes: Uint8Array, limits: PackageLimits = DEFAULT_LIMITS): string {
  if (isZip(bytes)) {
    const pkg = openWordPackage(bytes, limits);
    return decodeXml(pkg.read(pkg.mainPart)!);
  }
  refuseNonWord(bytes);
  if (bytes.length > limits.maxPartBytes) throw tooLarge('文档正文', limits.maxPartBytes, '--max-part-mb');
  return decodeXml(bytes);
}

/** Throws the message that says what a file is when it is neither a zip nor XML text. */
export function refuseNonWord(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new DocumentReadError('empty', '文件是空的（0 字节）。');
  if (startsWith(bytes, OLE_SIGNATURE)) {
    // Encrypted .docx files are OLE containers holding an EncryptionInfo stream; anything else is a legacy .doc.
    if (containsUtf16(bytes, 'EncryptionInfo') || containsUtf16(bytes, 'EncryptedPackage')) {
      throw new DocumentReadError('encrypted', '文件已加密（设置了打开密码），无法检查。请在 Word 或 WPS 中取消密码后另存为 .docx 再试。');
    }
    throw new DocumentReadError('legacy-doc', '这是旧版 Word 97-2003 文档（.doc），无法直接检查。请在 Word 或 WPS 中“另存为” .docx 格式后再试。');
  }
  if (isZip(bytes)) return;
  if (looksLikeHtml(bytes)) throw new DocumentReadError('not-word', '这是网页文件（HTML）：可以检查，但不能自动修复。请修改 Word 原稿，或在 Word 或 WPS 中另存为 .docx 后再修复。');
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('<') || bytes[0] === 0xff || bytes[0] === 0xfe) return;
  if (head.startsWith('%PDF')) throw new DocumentReadError('not-word', '这是 PDF 文件，不是 Word 文档。请检查报告的 .docx 原稿。');
  if (head.startsWith('{\\rtf')) throw new DocumentReadError('not-word', '这是 RTF 文件，不是 .docx。请在 Word 或 WPS 中另存为 .docx 后再试。');
  throw new DocumentReadError('not-word', '无法识别的文件格式：不是 Word 文档（.docx）。');
}

/**
 * Opens a .docx and finds its main document part, with the same messages for a corrupt zip or a
 * zip that is not a Word document wherever a host opens one. Nothing is inflated but what is read.
 */
export function openWordPackage(bytes: Uint8Array, limits: PackageLimits = DEFAULT_LIMITS): WordPackage {
  if (bytes.length > limits.maxTotalBytes) throw tooLarge('文件', limits.maxTotalBytes, '--max-total-mb');
  const archive = readZipArchive(bytes);
  const budget = new InflateBudget(limits);
  const byName = new Map<string, ZipEntry>();
  for (const e of archive.entries) {
    if (!byName.has(e.name.toLowerCase())) byName.set(e.name.toLowerCase(), e);
  }
  const entry = (name: string) => byName.get(name.toLowerCase()) ?? null;
  const read = (name: string) => {
    const e = entry(name);
    return e ? inflateEntry(archive, e, budget) : null;
  };
  const rels = read('_rels/.rels');
  const named = rels ? mainPartFromRels(decodeXml(rels)) : null;
  const mainPart = [named, DEFAULT_MAIN_PART].map((n) => n && entry(n)?.name).find((n) => n) ?? null;
  if (!mainPart) {
    if (!archive.entries.some((e) => /^word\//i.test(e.name) || /document[^/]*\.xml$/i.test(e.name))) {
      throw new DocumentReadError('not-word', '这是压缩包，但不是 Word 文档（缺少 word/document.xml）。');
    }
    throw new DocumentReadError('not-word', `这不是 Word 文档（缺少正文部件 ${named ?? DEFAULT_MAIN_PART}），可能是 Excel 或 PowerPoint 文件。`);
  }
  return { archive, mainPart, entry, read };
}

/** The main document part named by the package relationships, as a part name (no leading '/'). */
export function mainPartFromRels(relsXml: string): string | null {
  const main = relationshipsOf(relsXml).find((r) => !r.external && OFFICE_DOCUMENT_TYPE.test(r.type));
  return main ? resolvePartName('', main.target) : null;
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** The relationships of a .rels part, whatever its prefix or quote style. */
export function relationshipsOf(relsXml: string): Relationship[] {
  return (relsXml.match(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g) ?? []).map((element) => {
    const attributes = new Map([...element.matchAll(/([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)].map((m) => [m[1], unescapeXml(m[2] ?? m[3])]));
    return { id: attributes.get('Id') ?? '', type: attributes.get('Type') ?? '', target: attributes.get('Target') ?? '', external: attributes.get('TargetMode') === 'External' };
  });
}

/**
 * A relationship target as a part name: '/word/x.xml' from the package root, otherwise relative to
 * `baseFolder` ('' for the package's own relationships, 'word/' for the main part's); './', '..',
 * backslashes and %-escapes resolved.
 */
export function resolvePartName(baseFolder: string, target: string): string {
  const segments: string[] = [];
  const path = target.startsWith('/') ? target : baseFolder + target;
  for (const segment of path.split(/[/\\]/)) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(safeDecodeUri(segment));
  }
  return segments.join('/');
}

function safeDecodeUri(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

const unescapeXml = (s: string) => s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-f]+|#\d+);/gi, (all, e: string) => {
  const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
  if (named[e.toLowerCase()]) return named[e.toLowerCase()];
  const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
  return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : all;
});

/**
 * XML bytes as text, in the encoding the XML says (a byte-order mark, or the declaration's
 * encoding="…"), UTF-8 otherwise. Bytes that do not decode become U+FFFD rather than an error.
 */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const declared = /^(?:\uFEFF)?<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/.exec(String.fromCharCode(...bytes.subarray(0, 200)))?.[1];
  if (declared && !/^utf-?8$/i.test(declared)) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // an encoding the runtime does not know: read as UTF-8, the OOXML default
    }
  }
  return new TextDecoder('utf-8').decode(bytes);
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
