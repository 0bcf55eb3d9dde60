#!/usr/bin/env node
// k8s-validate. In this repository it runs src/validator/cli.ts in a Node that strips TypeScript types
// (>= 22.18 / 23.6), else in the Node 24 the project installs (the `node` package). Installed from the package
// (npm pack), where src/ is absent, it runs the JavaScript build lib/cli.js in the current Node (20 or later).
// The CLI runs with a small V8 young generation: validation makes much short-lived garbage, and V8's default
// semi-spaces (up to 32 MB each) add ~100 MB of peak RSS for no speed. Where Node can replace the process
// (process.execve), no second process stays around; otherwise the CLI runs as a child.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const source = fileURLToPath(new URL('../src/validator/cli.ts', import.meta.url));
const cli = existsSync(source) ? source : fileURLToPath(new URL('../lib/cli.js', import.meta.url));
let node = process.execPath;
if (cli === source && !process.features.typescript) {
  try {
    node = createRequire(import.meta.url).resolve('node/bin/node');
  } catch {
    process.stderr.write(`k8s-validate: Node ${process.version} cannot run TypeScript; use Node >= 22.18 (or run npm install to get the project's Node 24)\n`);
    process.exit(1);
  }
}
const argv = ['--max-semi-space-size=8', cli, ...process.argv.slice(2)];
if (typeof process.execve === 'function' && node === process.execPath) {
  process.execve(node, [node, ...argv], process.env);
} else {
  const child = spawn(node, argv, { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('close', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}
