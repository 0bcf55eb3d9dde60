// Publishes examples/ under <base>examples/: copied into dist/ after the build, served by `astro dev`.
// One copy of each manifest serves both languages and the `kubectl apply -f <URL>` lines.
import { existsSync } from 'node:fs';
import { cp, readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const YAML = /\.ya?ml$/;

export function publishExamples(): AstroIntegration {
  let root = process.cwd();
  let base = '/';
  return {
    name: 'field-guide:publish-examples',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        base = config.base.replace(/\/?$/, '/');
      },
      'astro:server:setup': ({ server }) => {
        const examplesDir = resolve(root, 'examples');
        server.middlewares.use(async (req, res, next) => {
          const prefix = `${base}examples/`;
          const pathname = decodeURIComponent((req.url ?? '').split('?')[0]);
          if (!pathname.startsWith(prefix)) return next();
          const file = resolve(examplesDir, pathname.slice(prefix.length));
          if (!file.startsWith(examplesDir + sep) || !YAML.test(extname(file))) return next();
          try {
            const body = await readFile(file);
            res.setHeader('Content-Type', 'application/yaml; charset=utf-8');
            res.end(body);
          } catch {
            next();
          }
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const source = resolve(root, 'examples');
        if (!existsSync(source)) {
          logger.info('no examples/ folder: nothing to publish');
          return;
        }
        const target = fileURLToPath(new URL('examples/', dir));
        await cp(source, target, {
          recursive: true,
          filter: (source) => !source.split(sep).pop()!.includes('.') || YAML.test(source),
        });
        logger.info(`examples/ published to ${target}`);
      },
    },
  };
}
