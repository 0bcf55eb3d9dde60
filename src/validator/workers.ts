// Spreads files over worker threads (CLI -n). Files go out in small batches, to whichever worker is free,
// and results come back in the original file order.
import { Worker } from 'node:worker_threads';
import type { FileResult } from './pipeline.ts';
import type { ValidatePathsOptions } from './index.ts';

export interface WorkerRequest {
  batch: number;
  files: string[];
}
export interface WorkerReply {
  batch: number;
  results: FileResult[];
}

export async function validateInWorkers(files: string[], options: ValidatePathsOptions, count: number): Promise<FileResult[]> {
  const batchSize = Math.max(1, Math.min(64, Math.ceil(files.length / (count * 8))));
  const batches: string[][] = [];
  for (let i = 0; i < files.length; i += batchSize) batches.push(files.slice(i, i + batchSize));
  const results: FileResult[][] = new Array(batches.length);
  const { workers: _workers, exitOnError, ...engineOptions } = options;
  let next = 0;
  let stop = false;

  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData: engineOptions });
      const send = () => {
        if (stop || next >= batches.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        const batch = next++;
        worker.postMessage({ batch, files: batches[batch] } satisfies WorkerRequest);
      };
      worker.on('message', (reply: WorkerReply) => {
        results[reply.batch] = reply.results;
        if (exitOnError && reply.results.some((r) => r.fileDiagnostics.length > 0 || r.resources.some((x) => x.status === 'invalid' || x.status === 'error'))) stop = true;
        send();
      });
      worker.on('error', reject);
      worker.on('online', send);
    });

  await Promise.all(Array.from({ length: count }, runWorker));
  return results.filter(Boolean).flat();
}
