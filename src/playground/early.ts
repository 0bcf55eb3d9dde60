// Starts the validator worker and, when the page shows its sample, asks for the sample's diagnostics at once, so the
// worker downloads and validates while the editor (main.ts) is still loading. Playground.astro loads it as a script of
// its own, before main.ts (which imports it too).
import { DEFAULT_NAME, TIME_LIMIT_MS, type ValidateReply, type ValidateRequest } from './protocol.ts';

export type Outcome = ValidateReply | { id: number; timedOut: true };

export class ValidatorWorker {
  #worker!: Worker;
  #nextId = 1;
  #pending = new Map<number, { resolve: (outcome: Outcome) => void; timer: ReturnType<typeof setTimeout> }>();

  constructor() {
    this.#start();
  }

  #start(): void {
    this.#worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'k8s-validate' });
    this.#worker.addEventListener('message', (event: MessageEvent<ValidateReply>) => this.#settle(event.data.id, event.data));
    this.#worker.addEventListener('error', (event) => {
      // Reported on the page, not thrown to the console.
      event.preventDefault();
      this.#restart((id) => ({ id, failure: event.message || 'error' }));
    });
  }

  #settle(id: number, outcome: Outcome): void {
    const pending = this.#pending.get(id);
    if (!pending) return;
    clearTimeout(pending.timer);
    this.#pending.delete(id);
    pending.resolve(outcome);
  }

  #restart(outcome: (id: number) => Outcome): void {
    this.#worker.terminate();
    for (const id of [...this.#pending.keys()]) this.#settle(id, outcome(id));
    this.#start();
  }

  validate(input: Omit<ValidateRequest, 'id'>): Promise<Outcome> {
    const id = this.#nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.#restart((pendingId) => ({ id: pendingId, timedOut: true })), TIME_LIMIT_MS);
      this.#pending.set(id, { resolve, timer });
      this.#worker.postMessage({ ...input, id } satisfies ValidateRequest);
    });
  }
}

export const validator = new ValidatorWorker();

const root = document.querySelector<HTMLElement>('[data-playground]')!;
const sample = root.querySelector('.pg-editor pre')?.textContent ?? '';
const kubernetesVersion = root.querySelector<HTMLSelectElement>('.pg-version')!.value;
const opensSample = !location.hash.includes('yaml=') && !new URLSearchParams(location.search).has('file');

/** The sample's validation, started before the editor exists (undefined when the page opens something else). */
export const early = opensSample
  ? {
      text: sample,
      kubernetesVersion,
      outcome: validator.validate({ bytes: new TextEncoder().encode(sample), file: DEFAULT_NAME, lang: root.lang === 'en' ? 'en' : 'ko', kubernetesVersion }),
    }
  : undefined;
