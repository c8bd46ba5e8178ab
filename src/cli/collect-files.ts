import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Word documents a reviewer may have in a folder; .doc is listed so it gets a clear message, not silence. */
const DOCUMENT = /\.(docx|docm|doc)$/i;
/** Word's lock files (~$报告.docx) are not documents. */
const LOCK_FILE = /^~\$/;

export interface CollectedInput {
  path: string;
  /** Set when the path itself cannot be used. */
  problem: string | null;
}

/** Expands the command-line paths: files as given, folders recursively into their Word documents (sorted). */
export function collectInputs(paths: string[]): CollectedInput[] {
  return paths.flatMap((path): CollectedInput[] => {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      return [{ path, problem: '文件或文件夹不存在。' }];
    }
    if (!isDirectory) return [{ path, problem: null }];
    const found = walk(path);
    return found.length > 0 ? found.map((p) => ({ path: p, problem: null })) : [{ path, problem: '文件夹中没有 Word 文档（.docx）。' }];
  });
}

function walk(folder: string): string[] {
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return entries.flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return walk(path);
    return entry.isFile() && DOCUMENT.test(entry.name) && !LOCK_FILE.test(entry.name) ? [path] : [];
  });
}
