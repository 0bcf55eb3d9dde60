// Publishes examples/ under <base>examples/ and the common-mistake files (src/mistakes/) under <base>mistakes/:
// copied into dist/ after the build, served by `astro dev`. One copy of each manifest serves both languages, the
// `kubectl apply -f <URL>` lines and the playground (which loads them from the same origin).
import { existsSync } from 'node:fs';
import { cp, readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const YAML = /\.ya?ml$/;
/** Source folder (relative to the project root) -> URL folder (under the base). */
const PUBLISHED = [
  { from: 'examples', to: 'examples' },
  { from: 'src/mistakes', to: 'mistakes' },
];

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
        server.middlewares.use(async (req, res, next) => {
          const pathname = decodeURIComponent((req.url ?? '').split('?')[0]);
          const published = PUBLISHED.find(({ to }) => pathname.startsWith(`${base}${to}/`));
          if (!published) return next();
          const folder = resolve(root, published.from);
          const file = resolve(folder, pathname.slice(`${base}${published.to}/`.length));
          if (!file.startsWith(folder + sep) || !YAML.test(extname(file))) return next();
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
        for (const { from, to } of PUBLISHED) {
          const source = resolve(root, from);
          if (!existsSync(source)) {
            logger.info(`no ${from}/ folder: nothing to publish`);
            continue;
          }
          const target = fileURLToPath(new URL(`${to}/`, dir));
          await cp(source, target, {
            recursive: true,
            filter: (source) => !source.split(sep).pop()!.includes('.') || YAML.test(source),
          });
          logger.info(`${from}/ published to ${target}`);
        }
      },
    },
  };
}
