// Builds the installable validator into lib/ (run by `npm pack` through `prepack`): the library (lib/index.js), the
// CLI (lib/cli.js, started by bin/k8s-validate.mjs) and the worker-thread entry (lib/worker.js), as ES modules for
// plain Node 20+ (no TypeScript at run time), with their shared code and every bundled schema in chunk files next to
// them; the runtime dependencies (ajv, yaml, js-yaml) stay imports. Type declarations come from tsc (lib/*.d.ts).
// Usage: node scripts/build-lib.ts
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'lib');
const VALIDATOR = join(ROOT, 'src', 'validator');

/**
 * Paths the source resolves against its own location that move in the build: the worker entry is worker.js beside
 * the chunks, and package.json is one folder up from lib/ instead of two from src/validator/. The build fails if a
 * pattern is no longer there, rather than shipping a broken path.
 */
const RELOCATE: Record<string, [from: string, to: string][]> = {
  'workers.ts': [["new URL('./worker.ts', import.meta.url)", "new URL('./worker.js', import.meta.url)"]],
  'command.ts': [["new URL('../../package.json', import.meta.url)", "new URL('../package.json', import.meta.url)"]],
};

const relocate: Plugin = {
  name: 'relocate',
  setup(builder) {
    builder.onLoad({ filter: /src[\\/]validator[\\/](workers|command)\.ts$/ }, (args) => {
      let contents = readFileSync(args.path, 'utf8');
      for (const [from, to] of RELOCATE[args.path.split(/[\\/]/).pop()!]) {
        if (!contents.includes(from)) throw new Error(`${args.path}: expected \`${from}\` (scripts/build-lib.ts relocates it)`);
        contents = contents.replaceAll(from, to);
      }
      return { contents, loader: 'ts' };
    });
  },
};

rmSync(OUT, { recursive: true, force: true });
const result = await build({
  entryPoints: { index: join(VALIDATOR, 'index.ts'), cli: join(VALIDATOR, 'cli.ts'), worker: join(VALIDATOR, 'worker.ts') },
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  // Flat: every file sits in lib/, so the relocated paths hold whichever file the code lands in.
  chunkNames: '[name]-[hash]',
  metafile: true,
  logLevel: 'warning',
  plugins: [relocate],
});
execFileSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', join(ROOT, 'tsconfig.lib.json')], { stdio: 'inherit' });

const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
console.log(`lib/: ${Object.keys(result.metafile.outputs).length} files, ${(bytes / 1024).toFixed(0)} KB of JavaScript, and type declarations`);
