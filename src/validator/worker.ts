// One worker thread: builds its own engine (registry, compiled schemas) and validates the batches it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { createEngine, validateSource } from './pipeline.ts';
import { readSource } from './sources.ts';
import { defaultRules } from './rules-default.ts';
import type { WorkerReply, WorkerRequest } from './workers.ts';

const engine = createEngine(workerData, defaultRules);

parentPort!.on('message', async (request: WorkerRequest) => {
  const results = [];
  for (const file of request.files) {
    const result = validateSource(engine, await readSource(file));
    for (const candidate of result.crossCandidates) delete candidate.locator; // functions do not cross threads
    results.push(result);
  }
  parentPort!.postMessage({ batch: request.batch, results } satisfies WorkerReply);
});
