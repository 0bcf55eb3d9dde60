#!/usr/bin/env node
// k8s-validate: runs src/validator/cli.ts in a Node that strips TypeScript types (>= 22.18 / 23.6), else in
// the Node 24 the project installs (the `node` package).
// It runs as a child process so that V8 can be given a small young generation: validation makes much
// short-lived garbage, and V8's default semi-spaces (up to 32 MB each) add ~100 MB of peak RSS for no speed.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

let node = process.execPath;
if (!process.features.typescript) {
  try {
    node = createRequire(import.meta.url).resolve('node/bin/node');
  } catch {
    process.stderr.write(`k8s-validate: Node ${process.version} cannot run TypeScript; use Node >= 22.18 (or run npm install to get the project's Node 24)\n`);
    process.exit(1);
  }
}
const cli = new URL('../src/validator/cli.ts', import.meta.url).pathname;
const child = spawn(node, ['--max-semi-space-size=4', cli, ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('close', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});
