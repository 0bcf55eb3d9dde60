// k8s-validate entry point: `node src/validator/cli.ts [flags] paths...` (the command itself is command.ts).
// Node's compile cache is switched on before the validator is loaded, so a later run (npm run validate in a
// build) skips stripping and compiling its TypeScript again.
// A namespace import: Node 20 has no enableCompileCache, and a named import of it would fail to link there.
import * as nodeModule from 'node:module';

nodeModule.enableCompileCache?.();
const { main } = await import('./command.ts');

// A closed pipe (`k8s-validate ... | head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  stdinIsTTY: Boolean(process.stdin.isTTY),
});
