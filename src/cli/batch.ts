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
 * Every input processed, results in input order. Large batches also use worker threads when the
 * I/O allows it (io.threads): this thread and one worker per further core each take the next file
 * as they finish one. Small batches stay in this thread, where starting a worker (it loads and
 * warms up the engine) costs more than it brings (break-even measured in bench/README.md).
 * `onDone` is called once per file as it completes (for progress), in completion order.
 */
export function processBatch<K extends BatchKind>(kind: K, inputs: readonly CollectedInput[], io: CliIo, limits: PackageLimits, onDone: (done: number, path: string) => void = () => undefined): BatchResult<K>[] | Promise<BatchResult<K>[]> {
  const readable = inputs.filter((input) => !input.problem).length;
  const threads = io.threads;
  if (!threads || threads.count < 2 || readable < Math.max(1, threads.minBatch)) {
    return inputs.map((input, i) => {
      onDone(i + 1, input.path);
      return input.problem ? skipped(kind, input) : processFile(kind, input.path, io, limits);
    });
  }
  const shareHere = threads.thisThreadToo !== false;
  return withWorkers(kind, inputs, shareHere ? threads.count - 1 : threads.count, shareHere, io, limits, onDone);
}

type WorkerMessage<K extends BatchKind> = { ready: true } | { index: number; result: BatchResult<K> };

function withWorkers<K extends BatchKind>(kind: K, inputs: readonly CollectedInput[], workerCount: number, shareHere: boolean, io: CliIo, limits: PackageLimits, onDone: (done: number, path: string) => void): Promise<BatchResult<K>[]> {
  const results: BatchResult<K>[] = new Array(inputs.length);
  const queue: number[] = [];
  inputs.forEach((input, i) => {
    if (input.problem) results[i] = skipped(kind, input);
    else queue.push(i);
  });
  let done = inputs.length - queue.length;
  return new Promise((resolve) => {
    let finished = false;
    let thisThreadBusy = false;
    const workers = new Set<Worker>();
    /** The file each worker is on. */
    const working = new Map<Worker, number>();
    const complete = (index: number, result: BatchResult<K>) => {
      results[index] = result;
      onDone(++done, inputs[index].path);
      if (done < inputs.length || finished) return;
      finished = true;
      for (const worker of workers) void worker.terminate();
      resolve(results);
    };
    // This thread takes one file per turn of the event loop, so the workers' messages get through in between.
    const takeNextHere = () => {
      const index = finished || (!shareHere && workers.size > 0) ? undefined : queue.shift();
      thisThreadBusy = index !== undefined;
      if (index === undefined) return;
      complete(index, processFile(kind, inputs[index].path, io, limits));
      setImmediate(takeNextHere);
    };
    const feed = (worker: Worker) => {
      const index = queue.shift();
      if (index === undefined) return;
      working.set(worker, index);
      worker.postMessage({ index, kind, path: inputs[index].path });
    };
    // A worker that fails (no worker support, a partial install): its file goes back to the queue, this thread carries on.
    const retire = (worker: Worker, why: string) => {
      if (finished || !workers.delete(worker)) return;
      const index = working.get(worker);
      working.delete(worker);
      if (index !== undefined) queue.unshift(index);
      void worker.terminate();
      process.emitWarning(`工作线程不可用，改为单线程检查（${why}）`, 'NianbaoWorkerWarning');
      if (!thisThreadBusy) takeNextHere();
    };
    for (let i = 0; i < workerCount; i++) {
      const worker = startWorker({ currentYear: io.currentYear, limits });
      workers.add(worker);
      worker.on('message', (message: WorkerMessage<K>) => {
        if ('index' in message) {
          working.delete(worker);
          complete(message.index, message.result);
        }
        if (!finished) feed(worker);
      });
      worker.on('error', (error) => retire(worker, error.message));
      worker.on('exit', (code) => retire(worker, `exit ${code}`));
    }
    takeNextHere();
  });
}

/** The worker script next to this file: compiled .js in dist; under tsx (tests, bench) its .ts, loaded through tsx. */
function startWorker(settings: BatchSettings): Worker {
  const script = join(__dirname, `batch-worker${extname(__filename)}`);
  if (extname(__filename) !== '.ts') return new Worker(script, { workerData: settings });
  const loader = `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(script)});`;
  return new Worker(loader, { eval: true, workerData: settings });
}
