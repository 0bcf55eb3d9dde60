// One worker thread: builds its own engine (registry, compiled schemas), then claims batches from the shared
// counter until none is left, posting each batch's results back as it goes; then it ends.
// Node's compile cache is per thread: switched on here before the validator is loaded, as cli.ts does, so the
// worker skips stripping and compiling the validator's TypeScript again (~0.2 s of its start-up).
// A namespace import: Node 20 has no enableCompileCache, and a named import of it would fail to link there.
import * as nodeModule from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerReply, WorkerSetup } from './workers.ts';

nodeModule.enableCompileCache?.();
const [{ createEngine }, { defaultRules }, { claimBatch, validateBatch }, { nodeSchemaFiles }] = await Promise.all([
  import('./pipeline.ts'),
  import('./rules-default.ts'),
  import('./workers.ts'),
  import('./schema-files.ts'),
  import('./parse-fast.ts'), // the js-yaml fast path, as the library on the main thread has it
]);

const { engineOptions, batches, control, exitOnError } = workerData as WorkerSetup;
const engine = await createEngine(engineOptions, defaultRules, nodeSchemaFiles);

for (let batch = claimBatch(control, batches.length); batch !== undefined; batch = claimBatch(control, batches.length)) {
  const results = await validateBatch(engine, batches[batch], control, exitOnError);
  parentPort!.postMessage({ batch, results } satisfies WorkerReply);
}
