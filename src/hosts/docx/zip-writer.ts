import { deflateSync } from 'fflate';
import { compressedData, type ZipArchive, type ZipEntry } from '../../docmodel/zip-archive';

/** One entry of the archive being written: its data as stored (deflated or not) plus what the headers say. */
export interface OutEntry {
  name: Uint8Array;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  size: number;
  data: Uint8Array;
}

const FLAG_DATA_DESCRIPTOR = 0x8;
const FLAG_UTF8 = 0x800;
/** A fixed date (2021-09-26) for new entries, so the same fix gives the same bytes. */
const NEW_ENTRY_DATE = ((2021 - 1980) << 9) | (9 << 5) | 26;

const encoder = new TextEncoder();
const nameFlags = (name: Uint8Array) => (name.some((b) => b >= 0x80) ? FLAG_UTF8 : 0);

/** An entry of the source archive, its compressed bytes copied as they are (never inflated). */
export function copiedEntry(archive: ZipArchive, entry: ZipEntry): OutEntry {
  const name = encoder.encode(entry.name);
  // Sizes go into the headers written here, so no data descriptor follows the data.
  const flags = (entry.flags & ~(FLAG_DATA_DESCRIPTOR | FLAG_UTF8)) | nameFlags(name);
  return { name, flags, method: entry.method, time: entry.time, date: entry.date, crc: entry.crc, size: entry.size, data: compressedData(archive, entry) };
}

/** A new or changed part, deflated; it keeps the timestamp of the entry it replaces. */
export function newEntry(partName: string, bytes: Uint8Array, replaces: ZipEntry | null): OutEntry {
  const name = encoder.encode(partName);
  return {
    name, flags: nameFlags(name), method: 8, time: replaces?.time ?? 0, date: replaces?.date ?? NEW_ENTRY_DATE,
    crc: crc32(bytes), size: bytes.length, data: deflateSync(bytes, { level: 6 }),
  };
}

/** A plain zip (no zip64: the input limits keep packages far below 4 GB). */
export function writeZip(entries: OutEntry[]): Uint8Array {
  const localSize = entries.reduce((n, e) => n + 30 + e.name.length + e.data.length, 0);
  const directorySize = entries.reduce((n, e) => n + 46 + e.name.length, 0);
  if (localSize + directorySize > 0xfffffff0 || entries.length > 0xffff) throw new Error('输出文件过大（超过 4 GB 或 65535 个部件）。');
  const out = new Uint8Array(localSize + directorySize + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  const u16 = (v: number) => { view.setUint16(at, v, true); at += 2; };
  const u32 = (v: number) => { view.setUint32(at, v >>> 0, true); at += 4; };
  const bytes = (b: Uint8Array) => { out.set(b, at); at += b.length; };
  const offsets: number[] = [];
  for (const e of entries) {
    offsets.push(at);
    u32(0x04034b50); u16(20); u16(e.flags); u16(e.method); u16(e.time); u16(e.date);
    u32(e.crc); u32(e.data.length); u32(e.size); u16(e.name.length); u16(0);
    bytes(e.name); bytes(e.data);
  }
  const directoryStart = at;
  entries.forEach((e, i) => {
    u32(0x02014b50); u16(20); u16(20); u16(e.flags); u16(e.method); u16(e.time); u16(e.date);
    u32(e.crc); u32(e.data.length); u32(e.size); u16(e.name.length); u16(0); u16(0); u16(0); u16(0); u32(0);
    u32(offsets[i]); bytes(e.name);
  });
  const directoryLength = at - directoryStart;
  u32(0x06054b50); u16(0); u16(0); u16(entries.length); u16(entries.length);
  u32(directoryLength); u32(directoryStart); u16(0);
  return out;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** The zip format's CRC-32 (fflate computes one internally but does not export it). */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
