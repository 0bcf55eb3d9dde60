// One worker thread: builds its own engine (registry, compiled schemas), then claims batches from the shared
// counter until none is left, posting each batch's results back as it goes; then it ends.
import { parentPort, workerData } from 'node:worker_threads';
import { createEngine } from './pipeline.ts';
import { defaultRules } from './rules-default.ts';
import { claimBatch, validateBatch, type WorkerReply, type WorkerSetup } from './workers.ts';

const { engineOptions, batches, control, exitOnError } = workerData as WorkerSetup;
const engine = createEngine(engineOptions, defaultRules);

for (let batch = claimBatch(control, batches.length); batch !== undefined; batch = claimBatch(control, batches.length)) {
  const results = await validateBatch(engine, batches[batch], control, exitOnError);
  for (const result of results) for (const candidate of result.crossCandidates) delete candidate.locator; // functions do not cross threads
  parentPort!.postMessage({ batch, results } satisfies WorkerReply);
}
