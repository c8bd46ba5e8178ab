import { chmodSync, constants, copyFileSync, existsSync, linkSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

/** What the commands need from the outside world: passed in, so tests run them in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => Uint8Array;
  /**
   * Writes through a temporary file in the same folder and a rename: never a half-written file.
   * Without `replace`, an existing file is never replaced, even one created meanwhile.
   */
  writeFileAtomic: (path: string, bytes: Uint8Array, options: WriteOptions) => void;
  currentYear: number;
  /** Whether two paths name the same file (links resolved). */
  samePath: (a: string, b: string) => boolean;
  /** A progress line that replaces the previous one (only where stderr is a terminal; absent otherwise). */
  progress?: (text: string) => void;
  /** The local time, for a report's header. */
  now?: () => Date;
  /**
   * Worker threads a batch (lint or report of many files) may use, from how many files on; absent:
   * everything in this thread (as with in-memory I/O in tests, which workers could not see).
   */
  threads?: {
    count: number;
    minBatch: number;
    /** Whether this thread lints files too (default), or only hands them out (count workers then). */
    thisThreadToo?: boolean;
  };
}

/**
 * From how many files a batch is faster in worker threads than in one (startup of a worker, which
 * loads the engine, against the files it takes over); measured on 2 cores, see bench/README.md.
 */
export const WORKER_BREAK_EVEN = 24;

export interface WriteOptions {
  replace: boolean;
}

export function writeFileAtomic(path: string, bytes: Uint8Array, options: WriteOptions = { replace: false }): void {
  if (!options.replace) {
    writeNewFile(path, bytes);
    return;
  }
  // Replacing an existing file keeps what it was: the file a symlink points to, and its permissions.
  const target = existsSync(path) ? realpathSync(path) : path;
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, bytes);
    if (existsSync(target)) chmodSync(temporary, statSync(target).mode);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** A hard link publishes the finished file only if the name is still free (no check-then-write race). */
function writeNewFile(path: string, bytes: Uint8Array): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, bytes, { flag: 'wx' });
    try {
      linkSync(temporary, path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw Object.assign(new Error(`文件 ${path} 已存在，未覆盖。`), { code });
      // File systems without hard links (FAT, some network shares): still never replace an existing file.
      copyFileSync(temporary, path, constants.COPYFILE_EXCL);
    }
  } finally {
    rmSync(temporary, { force: true });
  }
}

export function samePath(a: string, b: string): boolean {
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : resolve(p));
  return real(a) === real(b);
}

export const processIo = (): CliIo => ({
  stdout: (text) => process.stdout.write(text + '\n'),
  stderr: (text) => process.stderr.write(text + '\n'),
  readFile: (path) => readFileSync(path),
  writeFileAtomic,
  samePath,
  currentYear: new Date().getFullYear(),
  progress: process.stderr.isTTY ? (text) => process.stderr.write(`\r\x1b[K${text}`) : undefined,
  now: () => new Date(),
  threads: { count: availableParallelism(), minBatch: WORKER_BREAK_EVEN },
});
