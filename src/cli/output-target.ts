import { accessSync, constants, statSync, type Stats } from 'node:fs';

/** How a command means to write its output file. */
export type OutputIntent = 'create' | 'replace' | 'in-place';

const KINDS: [(s: Stats) => boolean, string][] = [
  [(s) => s.isDirectory(), '文件夹'],
  [(s) => s.isFIFO(), '命名管道（FIFO）'],
  [(s) => s.isCharacterDevice() || s.isBlockDevice(), '设备'],
  [(s) => s.isSocket(), '套接字'],
];

/**
 * Why the output may not be written there, or null. Only a regular file is ever replaced, and only
 * when asked (--force, --in-place); a read-only file is never replaced.
 */
export function outputProblem(path: string, intent: OutputIntent): string | null {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch {
    return null; // nothing there yet (a missing folder is reported by the write)
  }
  if (!stats.isFile()) {
    const kind = KINDS.find(([is]) => is(stats))?.[1] ?? '特殊文件';
    return `输出位置 ${path} 是${kind}，不是普通文件，不会写入。请换一个文件名。`;
  }
  if (intent === 'create') return `文件 ${path} 已存在，未覆盖。确需覆盖请加 --force，或用 -o 指定另一个文件名。`;
  if (isReadOnly(path, stats)) return `文件 ${path} 是只读的，未修改。请先取消只读属性，或用 -o 写入另一个文件。`;
  return null;
}

/** Write permission bits cleared (the administrator would be allowed to write anyway), or not writable for this user. */
function isReadOnly(path: string, stats: Stats): boolean {
  if ((stats.mode & 0o222) === 0) return true;
  try {
    accessSync(path, constants.W_OK);
    return false;
  } catch {
    return true;
  }
}
