// The build gate. Before any page is written, `astro build` stops with file:line:col messages when
//   - a manifest in examples/ or a YAML fence in content/ fails the validator (strict schemas + API-server rules), or
//   - a page, a section or an example reference exists in one language only (src/site/parity.ts), or
//   - a chapter's "Run it" claims a lower Kubernetes version than its examples need (src/site/version-claims.ts).
// In `astro dev`, a changed page or example is re-validated when Vite transforms it; a failure is thrown from the
// transform, so Astro shows it in the browser overlay and the terminal, pointing at the line.
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { checkDiagrams } from '../site/diagrams.ts';
import { checkParity, formatProblem } from '../site/parity.ts';
import { firstError, runGate, validateSource } from '../site/validator.ts';
import { checkVersionClaims } from '../site/version-claims.ts';

/** Sources the gate covers: pages in content/ and manifests in examples/. */
export const GATED_PATHS = ['content', 'examples'];
const GATED_FILE = /\/(content|examples)\/.+\.(mdx?|ya?ml)$/;

export class BuildGateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BuildGateError';
    // The messages already say where; a stack trace would only bury them.
    this.stack = `${this.name}: ${message}`;
  }
}

export function validationGate(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'field-guide:validation-gate',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        root = fileURLToPath(config.root);
        if (command === 'dev') updateConfig({ vite: { plugins: [devValidation(root)] } });
      },
      'astro:build:start': async ({ logger }) => {
        const started = performance.now();
        const parity = await checkParity(root);
        const gate = await runGate(root, GATED_PATHS);
        // A diagram source that cannot be drawn in every language stops the build too, at its file:line.
        gate.errors.push(...(await checkDiagrams(root)));
        for (const line of gate.warnings) logger.warn(line);
        const problems = [...parity.map(formatProblem), ...gate.errors, ...(await checkVersionClaims(root))];
        if (problems.length) {
          for (const line of problems) logger.error(line);
          throw new BuildGateError(
            `${problems.length} problem(s) in content/, examples/ or diagrams/ (listed above); no page was written. ` +
              'Run `npm run validate` and `node scripts/check-parity.ts` to check again.',
          );
        }
        logger.info(`${gate.summary}; Korean and English editions match (${Math.round(performance.now() - started)} ms)`);
      },
    },
  };
}

function devValidation(root: string): Plugin {
  return {
    name: 'field-guide:dev-validation',
    apply: 'serve',
    async transform(_code, id) {
      const path = id.split('?')[0];
      if (!GATED_FILE.test(path) || !path.startsWith(root)) return;
      const file = relative(root, path).replace(/\\/g, '/');
      // The module code may already be transformed (MDX -> JS); validate what the author wrote.
      const error = firstError(await validateSource(await readFile(path, 'utf8'), file));
      if (!error) return;
      this.error({
        message: `${file}:${error.line}:${error.col}: error[${error.rule}] ${error.message}`,
        id: resolve(root, file),
        loc: { file: resolve(root, file), line: error.line, column: error.col },
      });
    },
  };
}
