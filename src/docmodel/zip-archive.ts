import { Inflate } from 'fflate';
import { DocumentReadError } from './read-error';

/**
 * Reading a .docx as a zip without trusting it: the central directory is read first, and a part is
 * inflated only when asked for, in slices, stopping as soon as it grows past the limit. A zip bomb
 * (a few kilobytes declaring or inflating to gigabytes) is refused before it costs time or memory,
 * and parts nobody reads (images, fonts, embedded files) are never inflated at all.
 * fflate's unzipSync inflates whole parts into buffers of the declared size, so it cannot do this.
 */

export interface PackageLimits {
  /** Largest inflated size of any one part (the main document is the large one). */
  maxPartBytes: number;
  /** Largest inflated size of all the parts read from one file together. */
  maxTotalBytes: number;
}

const MB = 1024 * 1024;
export const DEFAULT_LIMITS: PackageLimits = { maxPartBytes: 64 * MB, maxTotalBytes: 256 * MB };

export interface ZipEntry {
  /** The name as a part name: '/' separators, decoded from UTF-8 or, without the UTF-8 flag, GBK. */
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  /** The inflated size the central directory declares (not trusted: checked while inflating). */
  size: number;
  /** DOS time and date, kept for copying the entry. */
  time: number;
  date: number;
  /** Where the local header starts in the archive. */
  headerOffset: number;
}

export interface ZipArchive {
  bytes: Uint8Array;
  entries: ZipEntry[];
}

/** Slices of compressed data fed to the inflater: at most ~1000× this comes out before the size is checked again. */
const INFLATE_SLICE = 32 * 1024;
const FLAG_ENCRYPTED = 0x1;
const FLAG_UTF8 = 0x800;

const corrupt = () => new DocumentReadError('corrupt', '文件已损坏，无法解压。请重新保存或重新下载该文件。');
const mb = (bytes: number) => `${Math.ceil(bytes / MB)} MB`;

export function tooLarge(what: string, limitBytes: number, option: string): DocumentReadError {
  return new DocumentReadError('too-large', `文件过大：${what}超过 ${mb(limitBytes)} 的上限，未检查（可能是异常文件或“压缩炸弹”）。确需检查，可在命令行用 nianbao 的 ${option} 选项提高上限。`);
}

/** Reads the central directory (zip64 included). Throws DocumentReadError('corrupt') for anything that is not a readable zip. */
export function readZipArchive(bytes: Uint8Array): ZipArchive {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => Number(view.getBigUint64(at, true));
  let end = bytes.length - 22;
  while (end >= 0 && u32(end) !== 0x06054b50) {
    if (bytes.length - end > 22 + 0xffff) throw corrupt();
    end--;
  }
  if (end < 0) throw corrupt();
  let count = u16(end + 10);
  let offset = u32(end + 16);
  if (end >= 20 && u32(end - 20) === 0x07064b50) {
    const zip64End = u64(end - 12);
    if (zip64End + 56 > bytes.length || u32(zip64End) !== 0x06064b50) throw corrupt();
    count = u64(zip64End + 32);
    offset = u64(zip64End + 48);
  }
  const entries: ZipEntry[] = [];
  try {
    for (let i = 0; i < count; i++) {
      if (u32(offset) !== 0x02014b50) throw corrupt();
      const flags = u16(offset + 8);
      const nameLength = u16(offset + 28);
      const extraLength = u16(offset + 30);
      const commentLength = u16(offset + 32);
      const nameBytes = bytes.subarray(offset + 46, offset + 46 + nameLength);
      const entry: ZipEntry = {
        name: decodeName(nameBytes, (flags & FLAG_UTF8) !== 0).replace(/\\/g, '/'),
        method: u16(offset + 10),
        flags,
        time: u16(offset + 12),
        date: u16(offset + 14),
        crc: u32(offset + 16),
        compressedSize: u32(offset + 20),
        size: u32(offset + 24),
        headerOffset: u32(offset + 42),
      };
      readZip64Extra(view, offset + 46 + nameLength, extraLength, entry);
      entries.push(entry);
      offset += 46 + nameLength + extraLength + commentLength;
    }
  } catch (error) {
    if (error instanceof DocumentReadError) throw error;
    throw corrupt(); // a read past the end: the directory is cut short
  }
  const archive = { bytes, entries };
  // Every entry must be where the directory says, even parts lint never reads: fix copies them all.
  for (const entry of entries) dataStart(archive, entry);
  return archive;
}

/** Sizes and offsets of 0xFFFFFFFF are in the zip64 extra field, in this order, only those that overflow. */
function readZip64Extra(view: DataView, start: number, length: number, entry: ZipEntry): void {
  const overflow = 0xffffffff;
  for (let at = start; at + 4 <= start + length; at += 4 + view.getUint16(at + 2, true)) {
    if (view.getUint16(at, true) !== 1) continue;
    let field = at + 4;
    const next = () => {
      const value = Number(view.getBigUint64(field, true));
      field += 8;
      return value;
    };
    if (entry.size === overflow) entry.size = next();
    if (entry.compressedSize === overflow) entry.compressedSize = next();
    if (entry.headerOffset === overflow) entry.headerOffset = next();
    return;
  }
}

const utf8 = new TextDecoder('utf-8');
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
/** Chinese Windows writes zip names in its code page (GBK) without the UTF-8 flag. */
const gbk = (() => {
  try {
    return new TextDecoder('gbk');
  } catch {
    return null; // a runtime without legacy encodings: Latin-1 still gives distinct names
  }
})();

/**
 * Without the flag a name may still be UTF-8 (macOS and many tools) or GBK (Chinese Windows). Short
 * GBK names are often valid UTF-8 too (图片 reads as ͼƬ): UTF-8 wins only when it gives characters
 * of three bytes or more (Chinese), GBK when it decodes cleanly.
 */
function decodeName(raw: Uint8Array, flaggedUtf8: boolean): string {
  if (flaggedUtf8) return utf8.decode(raw);
  if (raw.every((b) => b < 0x80)) return String.fromCharCode(...raw);
  let asUtf8: string | null = null;
  try {
    asUtf8 = strictUtf8.decode(raw);
  } catch {
    // not UTF-8
  }
  if (asUtf8 !== null && [...asUtf8].every((ch) => ch.charCodeAt(0) < 0x80 || ch.codePointAt(0)! >= 0x800)) return asUtf8;
  const asGbk = gbk?.decode(raw);
  if (asGbk && !asGbk.includes('\uFFFD')) return asGbk;
  return asUtf8 ?? utf8.decode(raw);
}

/** Where an entry's compressed data starts: after its local header, whose name and extra lengths may differ from the directory's. */
function dataStart(archive: ZipArchive, entry: ZipEntry): number {
  const { bytes } = archive;
  const at = entry.headerOffset;
  if (at + 30 > bytes.length || bytes[at] !== 0x50 || bytes[at + 1] !== 0x4b || bytes[at + 2] !== 3 || bytes[at + 3] !== 4) throw corrupt();
  const start = at + 30 + (bytes[at + 26] | (bytes[at + 27] << 8)) + (bytes[at + 28] | (bytes[at + 29] << 8));
  if (start + entry.compressedSize > bytes.length) throw corrupt();
  return start;
}

/** The entry's stored (usually deflated) bytes, for copying it into another archive unchanged. */
export function compressedData(archive: ZipArchive, entry: ZipEntry): Uint8Array {
  const start = dataStart(archive, entry);
  return archive.bytes.subarray(start, start + entry.compressedSize);
}

/** Counts what has been inflated from one file against the limits. */
export class InflateBudget {
  private used = 0;
  constructor(readonly limits: PackageLimits = DEFAULT_LIMITS) {}

  /** Throws when part `name`, at `partBytes`, passes the part limit, or with the parts read before it the total limit. */
  check(name: string, partBytes: number): void {
    if (partBytes > this.limits.maxPartBytes) throw tooLarge(`部件 ${name} 解压后`, this.limits.maxPartBytes, '--max-part-mb');
    if (this.used + partBytes > this.limits.maxTotalBytes) throw tooLarge('读取的内容解压后合计', this.limits.maxTotalBytes, '--max-total-mb');
  }

  add(bytes: number): void {
    this.used += bytes;
  }
}

/**
 * Inflates one entry, refusing it by its declared size before starting and by its actual size as
 * soon as it passes the limit (a directory can lie). Never holds more than the limit plus what one
 * slice inflates to (at most ~1000 × INFLATE_SLICE).
 */
export function inflateEntry(archive: ZipArchive, entry: ZipEntry, budget: InflateBudget): Uint8Array {
  if (entry.flags & FLAG_ENCRYPTED) {
    throw new DocumentReadError('encrypted', '文件中的内容已加密（压缩包密码），无法检查。请在 Word 或 WPS 中重新保存为 .docx 再试。');
  }
  budget.check(entry.name, entry.size);
  const data = compressedData(archive, entry);
  if (entry.method === 0) {
    budget.check(entry.name, data.length);
    budget.add(data.length);
    return data;
  }
  if (entry.method !== 8) throw new DocumentReadError('corrupt', `文件中的部件 ${entry.name} 使用了不支持的压缩方式，无法读取。请在 Word 或 WPS 中重新保存为 .docx 再试。`);

  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    budget.check(entry.name, total);
    chunks.push(chunk);
  });
  try {
    for (let at = 0; at < data.length || at === 0; at += INFLATE_SLICE) {
      const end = Math.min(at + INFLATE_SLICE, data.length);
      inflater.push(data.subarray(at, end), end === data.length);
    }
  } catch (error) {
    if (error instanceof DocumentReadError) throw error;
    throw corrupt();
  }
  budget.add(total);
  return concat(chunks, total);
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
