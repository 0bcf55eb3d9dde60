// Starlight's "last updated" date comes from the module `virtual:starlight/git-info`. When building, Starlight fills
// it from `git log` of src/content/docs/ only, so pages in content/<lang>/ get no date. This integration serves that
// module itself (a Vite plugin resolving the id before Starlight's), with the newest commit of each page from the
// history reader the translation status uses. Starlight keeps its own behaviour: a frontmatter `lastUpdated` wins,
// and a page without a known commit (never committed, or cut off in a shallow clone) shows no date.
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const MODULE_ID = 'virtual:starlight/git-info';
const RESOLVED_ID = '\0field-guide:git-info';

/** The module's source: getNewestCommitDate(file relative to the project root) -> Date, or throws. */
export function gitInfoModule(root: string): string {
  const history = fileURLToPath(new URL('../site/translation-status.ts', import.meta.url));
  return [
    `import { lastCommitOf, shallowBoundary } from ${JSON.stringify(history)};`,
    `const root = ${JSON.stringify(root)};`,
    'const boundary = shallowBoundary(root);',
    'export function getNewestCommitDate(file) {',
    '  const commit = lastCommitOf(root, file, boundary);',
    '  if (!commit) throw new Error(`no known commit for ${file}`);',
    '  return commit.date;',
    '}',
  ].join('\n');
}

export function contentGitDates(): AstroIntegration {
  return {
    name: 'field-guide:git-dates',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        const root = fileURLToPath(config.root);
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'field-guide:git-dates',
                enforce: 'pre',
                resolveId: (id: string) => (id === MODULE_ID ? RESOLVED_ID : undefined),
                load: (id: string) => (id === RESOLVED_ID ? gitInfoModule(root) : undefined),
              },
            ],
          },
        });
      },
    },
  };
}
