#!/usr/bin/env node
// k8s-validate: runs src/validator/cli.ts. The validator is TypeScript run by Node's type stripping
// (Node >= 22.18 / 23.6); on an older Node, re-run with the Node 24 the project installs (the `node` package).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

if (process.features.typescript) {
  process.stdout.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
  });
  const { main } = await import('../src/validator/cli.ts');
  process.exitCode = await main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    stdinIsTTY: Boolean(process.stdin.isTTY),
  });
} else {
  let node;
  try {
    node = createRequire(import.meta.url).resolve('node/bin/node');
  } catch {
    process.stderr.write(`k8s-validate: Node ${process.version} cannot run TypeScript; use Node >= 22.18 (or run npm install to get the project's Node 24)\n`);
    process.exit(1);
  }
  const cli = new URL('../src/validator/cli.ts', import.meta.url).pathname;
  const run = spawnSync(node, [cli, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exitCode = run.status ?? 1;
}
