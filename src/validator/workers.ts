// Spreads files over threads (CLI -n): the calling thread plus n-1 worker threads. Files are cut into small
// batches; every thread claims the next batch itself from a shared counter, so a worker never waits for the
// calling thread (busy validating a batch of its own) to hand it work. Results come back in file order.
import { Worker } from 'node:worker_threads';
import { validateFile, type Engine, type FileResult } from './pipeline.ts';
import { readSource } from './files.ts';
import type { ValidateOptions, ValidatePathsOptions } from './types.ts';

/** What a worker is started with. */
export interface WorkerSetup {
  engineOptions: ValidateOptions;
  batches: string[][];
  /** Int32Array over a SharedArrayBuffer: [next batch to claim, stop flag (-exit-on-error)]. */
  control: Int32Array;
  exitOnError: boolean;
}
export interface WorkerReply {
  batch: number;
  results: FileResult[];
}

const NEXT = 0;
const STOP = 1;

/** The next batch for this thread, or undefined when none is left (or -exit-on-error stopped the run). */
export function claimBatch(control: Int32Array, count: number): number | undefined {
  if (Atomics.load(control, STOP) !== 0) return undefined;
  const batch = Atomics.add(control, NEXT, 1);
  return batch < count ? batch : undefined;
}

function failed(result: FileResult): boolean {
  return result.fileDiagnostics.some((d) => d.severity === 'error') || result.resources.some((x) => x.status === 'invalid' || x.status === 'error');
}

/** Validates one batch of files in this thread; raises the stop flag on a failure under -exit-on-error. */
export async function validateBatch(engine: Engine, files: string[], control: Int32Array, exitOnError: boolean): Promise<FileResult[]> {
  const results: FileResult[] = [];
  for (const file of files) {
    const result = await validateFile(engine, await readSource(file));
    results.push(result);
    if (exitOnError && failed(result)) {
      Atomics.store(control, STOP, 1);
      break;
    }
  }
  return results;
}

/** Batches small enough to even out the threads' finishing times, big enough that replies stay few. */
function batchSize(files: number, threads: number): number {
  return Math.max(1, Math.min(8, Math.ceil(files / (threads * 32))));
}

export async function validateInThreads(engine: Engine, files: string[], options: ValidatePathsOptions, threads: number): Promise<FileResult[]> {
  const size = batchSize(files.length, threads);
  const batches: string[][] = [];
  for (let i = 0; i < files.length; i += size) batches.push(files.slice(i, i + size));
  const results: FileResult[][] = new Array(batches.length);
  const { workers: _workers, exitOnError = false, ignoreMissingPaths: _ignore, ...engineOptions } = options;
  const control = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  const setup: WorkerSetup = { engineOptions, batches, control, exitOnError };

  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      // A small young generation, as bin/k8s-validate.mjs gives the main thread: much short-lived garbage, and
      // V8's default young generation would add ~100 MB of RSS per thread for no speed.
      const worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: 24 } });
      worker.on('message', (reply: WorkerReply) => {
        results[reply.batch] = reply.results;
      });
      worker.on('error', reject);
      // A worker ends by itself once no batch is left; its replies are all delivered before 'exit'.
      worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a worker thread stopped (exit code ${code})`))));
    });

  // The calling thread works too, yielding between batches so worker replies are taken in as they come.
  const runHere = async () => {
    for (let batch = claimBatch(control, batches.length); batch !== undefined; batch = claimBatch(control, batches.length)) {
      results[batch] = await validateBatch(engine, batches[batch], control, exitOnError);
      await new Promise((resolve) => setImmediate(resolve));
    }
  };

  await Promise.all([runHere(), ...Array.from({ length: threads - 1 }, runWorker)]);
  return results.filter(Boolean).flat();
}
