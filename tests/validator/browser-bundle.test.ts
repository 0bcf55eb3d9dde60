// The core (text -> diagnostics -> formatted report) must run in a browser: bundled for the browser, it must
// reach no Node built-in. Node-only modules (files.ts, schema-files.ts, workers.ts, index.ts, the CLI) stay out.
import { builtinModules } from 'node:module';
import { build, type Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { root } from './helpers.ts';

const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** Bundles `entry` for the browser; returns each Node built-in reached, with the module that imports it. */
async function nodeBuiltinsReached(entry: string): Promise<string[]> {
  const reached: string[] = [];
  const recordBuiltins: Plugin = {
    name: 'record-node-builtins',
    setup(builder) {
      builder.onResolve({ filter: /.*/ }, (args) => {
        if (!NODE_BUILTINS.has(args.path) && !args.path.startsWith('node:')) return undefined;
        reached.push(`${args.path} (imported by ${args.importer.replace(root, '')})`);
        return { path: args.path, external: true };
      });
    },
  };
  await build({ entryPoints: [entry], bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent', plugins: [recordBuiltins] });
  return reached;
}

/** The npm packages a bundle of `entry` includes. */
async function packagesBundled(entry: string, platform: 'browser' | 'node' = 'browser'): Promise<string[]> {
  const { metafile } = await build({ entryPoints: [entry], bundle: true, platform, format: 'esm', write: false, logLevel: 'silent', metafile: true, packages: 'bundle', external: ['node:*'] });
  const names = Object.keys(metafile.inputs).flatMap((input) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1] ?? []);
  return [...new Set(names)].sort();
}

describe('the validator core in the browser', () => {
  it('bundles src/validator/core.ts for the browser without reaching any Node built-in', async () => {
    expect(await nodeBuiltinsReached(`${root}src/validator/core.ts`)).toEqual([]);
  });

  it('leaves js-yaml (the Node-only fast path of the parse stage) out of the browser build', async () => {
    const packages = await packagesBundled(`${root}src/validator/core.ts`);
    expect(packages).not.toContain('js-yaml');
    expect(packages).toContain('yaml'); // the reference parser, which alone gives every answer
    expect(await packagesBundled(`${root}src/validator/index.ts`, 'node')).toContain('js-yaml');
  });

  it('notices a Node built-in when one is reached (the check itself works)', async () => {
    expect(await nodeBuiltinsReached(`${root}src/validator/index.ts`)).toEqual(expect.arrayContaining([expect.stringMatching(/^node:fs\/promises \(imported by src\/validator\/index\.ts\)$/)]));
  });
});
