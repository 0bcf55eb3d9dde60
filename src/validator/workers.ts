// Spreads files over threads (CLI -n): the calling thread plus n-1 worker threads. Files go out in small
// batches to whichever thread is free, and results come back in the original file order.
import { Worker } from 'node:worker_threads';
import { validateSource, type Engine, type FileResult } from './pipeline.ts';
import { readSource } from './sources.ts';
import type { ValidatePathsOptions } from './index.ts';

export interface WorkerRequest {
  batch: number;
  files: string[];
}
export interface WorkerReply {
  batch: number;
  results: FileResult[];
}

function failed(results: FileResult[]): boolean {
  return results.some((r) => r.fileDiagnostics.some((d) => d.severity === 'error') || r.resources.some((x) => x.status === 'invalid' || x.status === 'error'));
}

export async function validateInThreads(engine: Engine, files: string[], options: ValidatePathsOptions, threads: number): Promise<FileResult[]> {
  const batchSize = Math.max(1, Math.min(32, Math.ceil(files.length / (threads * 16))));
  const batches: string[][] = [];
  for (let i = 0; i < files.length; i += batchSize) batches.push(files.slice(i, i + batchSize));
  const results: FileResult[][] = new Array(batches.length);
  const { workers: _workers, exitOnError, ignoreMissingPaths: _ignore, ...engineOptions } = options;
  let next = 0;
  let stop = false;
  const take = () => (stop || next >= batches.length ? undefined : next++);
  const store = (batch: number, batchResults: FileResult[]) => {
    results[batch] = batchResults;
    if (exitOnError && failed(batchResults)) stop = true;
  };

  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      // A small young generation, as bin/k8s-validate.mjs gives the main thread: much short-lived garbage, and
      // V8's default young generation would add ~100 MB of RSS per thread for no speed.
      const worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData: engineOptions, resourceLimits: { maxYoungGenerationSizeMb: 24 } });
      const send = () => {
        const batch = take();
        if (batch === undefined) {
          void worker.terminate().then(() => resolve());
          return;
        }
        worker.postMessage({ batch, files: batches[batch] } satisfies WorkerRequest);
      };
      worker.on('message', (reply: WorkerReply) => {
        store(reply.batch, reply.results);
        send();
      });
      worker.on('error', reject);
      worker.on('online', send);
    });

  // The calling thread works too, yielding between batches so worker replies are handled promptly.
  const runHere = async () => {
    for (let batch = take(); batch !== undefined; batch = take()) {
      const batchResults: FileResult[] = [];
      for (const file of batches[batch]) batchResults.push(validateSource(engine, await readSource(file)));
      store(batch, batchResults);
      await new Promise((resolve) => setImmediate(resolve));
    }
  };

  await Promise.all([runHere(), ...Array.from({ length: threads - 1 }, runWorker)]);
  return results.filter(Boolean).flat();
}
