// The playground's Web Worker: validates off the page's main thread, so typing never waits for the validator.
import type { ValidateReply, ValidateRequest } from './protocol.ts';
import { validateForPlayground } from './validate.ts';

self.addEventListener('message', async (event: MessageEvent<ValidateRequest>) => {
  const { id, bytes, file, lang, kubernetesVersion } = event.data;
  const started = performance.now();
  let reply: ValidateReply;
  try {
    reply = { id, ...(await validateForPlayground(bytes, file, lang, kubernetesVersion)), ms: performance.now() - started };
  } catch (error) {
    reply = { id, failure: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply);
});
