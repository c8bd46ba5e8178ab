import { readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join } from 'node:path';
import { describeFsError } from './read-problem';

/**
 * Reports a reviewer may have in a folder: Word documents and saved web pages; .doc and .pdf are
 * listed so they get a clear message, not silence.
 */
const DOCUMENT = /\.(docx|docm|doc|html?|pdf)$/i;
/** Word's lock files (~$报告.docx) are not documents. */
const LOCK_FILE = /^~\$/;

export interface CollectedInput {
  path: string;
  /** Set when the path itself cannot be used. */
  problem: string | null;
}

/** What the walk needs from the file system (tests replace it to make a folder unreadable even for root). */
export interface FolderAccess {
  stat: (path: string) => Stats;
  readdir: (path: string) => Dirent[];
  realpath: (path: string) => string;
}

const nodeFolders: FolderAccess = {
  stat: (path) => statSync(path),
  readdir: (path) => readdirSync(path, { withFileTypes: true }),
  realpath: (path) => realpathSync(path),
};

/**
 * Expands the command-line paths: files as given, folders recursively into their Word documents
 * (sorted). Symbolic links are followed; a link back into a folder already being walked is a loop,
 * reported once. A folder or entry that cannot be read is reported with its path and the walk goes on.
 */
export function collectInputs(paths: string[], fs: FolderAccess = nodeFolders): CollectedInput[] {
  return paths.flatMap((path): CollectedInput[] => {
    let stats: Stats;
    try {
      stats = fs.stat(path);
    } catch (error) {
      return [{ path, problem: describeFsError(error) }];
    }
    if (!stats.isDirectory()) return [{ path, problem: stats.isFile() ? null : '不是普通文件（可能是命名管道或设备），未读取。' }];
    const found = walk(path, fs, new Set());
    return found.length > 0 ? found : [{ path, problem: '文件夹中没有年报文件（.docx 或网页 .html）。' }];
  });
}

function walk(folder: string, fs: FolderAccess, ancestors: Set<string>): CollectedInput[] {
  let real: string;
  let entries: Dirent[];
  try {
    real = fs.realpath(folder);
    entries = fs.readdir(folder);
  } catch (error) {
    return [{ path: folder, problem: `无法读取文件夹：${describeFsError(error)}` }];
  }
  if (ancestors.has(real)) return [{ path: folder, problem: '符号链接指回上层文件夹（循环），已跳过。' }];
  const inside = new Set(ancestors).add(real);
  entries.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return entries.flatMap((entry): CollectedInput[] => {
    const path = join(folder, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    // Links are followed; some network file systems do not tell the kind in the listing at all.
    if (entry.isSymbolicLink() || (!isDirectory && !isFile && DOCUMENT.test(entry.name))) {
      try {
        const target = fs.stat(path);
        isDirectory = target.isDirectory();
        isFile = target.isFile();
      } catch (error) {
        // A broken link or a link loop: say so when it looks like a document, stay quiet otherwise.
        return DOCUMENT.test(entry.name) ? [{ path, problem: `符号链接无法打开：${describeFsError(error)}` }] : [];
      }
    }
    if (isDirectory) return walk(path, fs, inside);
    if (!DOCUMENT.test(entry.name) || LOCK_FILE.test(entry.name)) return [];
    return [{ path, problem: isFile ? null : '不是普通文件（可能是命名管道或设备），未读取。' }];
  });
}
