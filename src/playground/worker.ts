// The playground's Web Worker: validates off the page's main thread, so typing never waits for the validator.
import { loadEveryKindSchema } from '../validator/core.ts';
import type { ValidateReply, ValidateRequest } from './protocol.ts';
import { validateForPlayground } from './validate.ts';

/**
 * A run fetches the schemas of its own kinds only, so the first diagnostics come soon. The rest of the version's
 * schemas (and the reader of CustomResourceDefinitions) follow this long after the first answer, in the background
 * (once the page has loaded), so that the page keeps working offline. If that fails, a later run fetches what it
 * needs, or says it cannot.
 */
const BACKGROUND_SCHEMAS_DELAY_MS = 1000;
/** Versions whose background load has been started (the reader may pick another version later). */
const backgroundVersions = new Set<string>();

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
  const version = kubernetesVersion ?? 'default';
  if (!backgroundVersions.has(version)) {
    backgroundVersions.add(version);
    setTimeout(() => loadEveryKindSchema(kubernetesVersion).catch(() => backgroundVersions.delete(version)), BACKGROUND_SCHEMAS_DELAY_MS);
  }
});
