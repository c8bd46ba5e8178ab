import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** What the commands need from the outside world: passed in, so tests run them in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => Uint8Array;
  /** Writes through a temporary file in the same folder and a rename: never a half-written file. */
  writeFileAtomic: (path: string, bytes: Uint8Array) => void;
  currentYear: number;
}

export function writeFileAtomic(path: string, bytes: Uint8Array): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

export const processIo = (): CliIo => ({
  stdout: (text) => process.stdout.write(text + '\n'),
  stderr: (text) => process.stderr.write(text + '\n'),
  readFile: (path) => readFileSync(path),
  writeFileAtomic,
  currentYear: new Date().getFullYear(),
});
