import { chmodSync, existsSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** What the commands need from the outside world: passed in, so tests run them in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => Uint8Array;
  /** Writes through a temporary file in the same folder and a rename: never a half-written file. */
  writeFileAtomic: (path: string, bytes: Uint8Array) => void;
  currentYear: number;
  /** Whether two paths name the same file (links resolved). */
  samePath: (a: string, b: string) => boolean;
}

export function writeFileAtomic(path: string, bytes: Uint8Array): void {
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
});
