import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PackageLimits } from '../docmodel';
import { summariseLint, unreadableSummary, type ReportSummary } from '../review';
import type { CollectedInput } from './collect-files';
import type { CliIo } from './io';
import { lintPath } from './lint-path';
import { checkFile, unreadableFile, type CheckedFile } from './previous-year';

/** What one file of a batch becomes: `lint` keeps a CheckedFile, `report` the file's summaries. */
export type BatchKind = 'lint' | 'report';
type BatchResult<K extends BatchKind> = K extends 'lint' ? CheckedFile : ReportSummary[];

/** What a worker needs besides the path: the same for every file of the batch. */
export interface BatchSettings {
  currentYear: number;
  limits: PackageLimits;
}

/** One file of the batch, done in this thread or in a worker (both call this). */
export function processFile<K extends BatchKind>(kind: K, path: string, io: CliIo, limits: PackageLimits): BatchResult<K> {
  return (kind === 'lint' ? checkFile(path, io, limits) : summariseFile(path, io, limits)) as BatchResult<K>;
}

/** The file's summary; none for a review report written earlier into the same folder. */
function summariseFile(path: string, io: CliIo, limits: PackageLimits): ReportSummary[] {
  const outcome = lintPath(path, io, limits);
  if ('error' in outcome) return outcome.code === 'own-report' ? [] : [unreadableSummary(path, outcome.error)];
  return [summariseLint(path, outcome.lint)];
}

const skipped = <K extends BatchKind>(kind: K, input: CollectedInput): BatchResult<K> =>
  (kind === 'lint' ? unreadableFile(input.path, input.problem!) : [unreadableSummary(input.path, input.problem!)]) as BatchResult<K>;

/**
 * Every input processed, results in input order. Large batches go to worker threads when the I/O
 * allows it (io.threads): one per core, each taking the next file as it finishes one. Small
 * batches stay in this thread, where they are faster than starting workers (bench/README.md).
 * `onDone` is called once per file as it completes (for progress), in completion order.
 */
export function processBatch<K extends BatchKind>(kind: K, inputs: readonly CollectedInput[], io: CliIo, limits: PackageLimits, onDone: (done: number, path: string) => void = () => undefined): BatchResult<K>[] | Promise<BatchResult<K>[]> {
  const readable = inputs.filter((input) => !input.problem).length;
  const threads = io.threads;
  if (!threads || threads.count < 2 || readable < threads.minBatch) {
    return inputs.map((input, i) => {
      onDone(i + 1, input.path);
      return input.problem ? skipped(kind, input) : processFile(kind, input.path, io, limits);
    });
  }
  return inWorkers(kind, inputs, Math.min(threads.count, readable), { currentYear: io.currentYear, limits }, onDone)
    // A worker that cannot start or dies (no worker support, a missing file in a partial install): same results, one thread.
    .catch((error: Error) => {
      process.emitWarning(`工作线程不可用，改为单线程检查（${error.message}）`, 'NianbaoWorkerWarning');
      return inputs.map((input) => (input.problem ? skipped(kind, input) : processFile(kind, input.path, io, limits)));
    });
}

function inWorkers<K extends BatchKind>(kind: K, inputs: readonly CollectedInput[], count: number, settings: BatchSettings, onDone: (done: number, path: string) => void): Promise<BatchResult<K>[]> {
  const results: BatchResult<K>[] = new Array(inputs.length);
  const queue: number[] = [];
  inputs.forEach((input, i) => {
    if (input.problem) results[i] = skipped(kind, input);
    else queue.push(i);
  });
  let done = inputs.length - queue.length;
  const workers = Array.from({ length: count }, () => startWorker(settings));
  const finish = () => Promise.all(workers.map((w) => w.terminate()));
  return new Promise<BatchResult<K>[]>((resolve, reject) => {
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      void finish().finally(() => reject(error));
    };
    const feed = (worker: Worker) => {
      const index = queue.shift();
      if (index !== undefined) worker.postMessage({ index, kind, path: inputs[index].path });
    };
    for (const worker of workers) {
      worker.on('message', ({ index, result }: { index: number; result: BatchResult<K> }) => {
        results[index] = result;
        onDone(++done, inputs[index].path);
        if (done === inputs.length) void finish().then(() => resolve(results), fail);
        else feed(worker);
      });
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (done < inputs.length) fail(new Error(`worker exited with code ${code}`));
      });
      feed(worker);
    }
  });
}

/** The worker script next to this file: compiled .js in dist; under tsx (tests, bench) its .ts, loaded through tsx. */
function startWorker(settings: BatchSettings): Worker {
  const script = join(__dirname, `batch-worker${extname(__filename)}`);
  if (extname(__filename) !== '.ts') return new Worker(script, { workerData: settings });
  const loader = `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(script)});`;
  return new Worker(loader, { eval: true, workerData: settings });
}
