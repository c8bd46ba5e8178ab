import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { processFile, type BatchKind, type BatchSettings } from './batch';
import { samePath, writeFileAtomic, type CliIo } from './io';

/** A worker thread of processBatch: says when it is ready, then lints the files it is sent, one message per file back. */
const settings = workerData as BatchSettings;
const io: CliIo = {
  stdout: () => undefined,
  stderr: () => undefined,
  readFile: (path) => readFileSync(path),
  writeFileAtomic,
  samePath,
  currentYear: settings.currentYear,
};

parentPort!.on('message', ({ index, kind, path }: { index: number; kind: BatchKind; path: string }) => {
  parentPort!.postMessage({ index, result: processFile(kind, path, io, settings.limits) });
});
parentPort!.postMessage({ ready: true });
