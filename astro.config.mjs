// @ts-check
import { existsSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import { CHAPTERS, chapterBadge } from './src/site/chapters.ts';
import { DEFAULT_LOCALE, LOCALES } from './src/site/locales.ts';
import { siteUrl, basePath } from './src/site/deploy-target.ts';
import { publishExamples } from './src/integrations/publish-examples.ts';
import { contentLanguage } from './src/integrations/content-language.ts';
import { contentGitDates } from './src/integrations/git-dates.ts';
import { validationGate } from './src/integrations/validation-gate.ts';
import { slimOutput } from './src/integrations/purge-unused-css.ts';
import { leanAjv, schemaChunks } from './src/integrations/schema-chunks.ts';

// Starlight refuses sidebar slugs without a page; list the chapters whose default-language page exists, so the
// site builds while chapters are being written (the parity check keeps both languages in step).
function writtenChapters() {
  return CHAPTERS.filter((chapter) => existsSync(new URL(`./content/${DEFAULT_LOCALE}/${chapter.slug}.mdx`, import.meta.url)));
}

// https://astro.build/config
export default defineConfig({
  site: siteUrl(process.env),
  base: basePath(process.env),
  trailingSlash: 'always',
  // Starlight turns on prefetching of every link; its script (1.1 KB gzip) is cut to keep a chapter's first render
  // within 40 KB. Pages are small static files, so following a link stays fast.
  prefetch: false,
  vite: {
    // The playground's validator worker as an ES module, so per-version schema chunks can be split off it; each
    // version's definitions are split further, into chunks loaded for the kinds validated, and its ajv leaves out
    // fast-uri and the discriminator keyword (schema-chunks.ts).
    worker: { format: 'es', plugins: () => [schemaChunks(), leanAjv()] },
    build: {
      rolldownOptions: {
        // Vite's dynamic-import preload helper goes with the search script, which every page loads anyway; shared by
        // search and the playground, it would otherwise be a chunk of its own that every chapter page requests.
        output: { codeSplitting: { groups: [{ name: 'search', test: /vite\/preload-helper|Search\.astro\?astro&type=script/ }] } },
        // Astro marks every MDX module with "use astro:head-inject" for its own head-propagation transform; the
        // bundler then warns once per page that it does not know the directive. The output is unaffected, so this
        // one warning is dropped; every other log passes through.
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astro:head-inject')) return;
          handler(level, log);
        },
      },
    },
  },
  integrations: [
    // First, so a broken manifest stops the build before anything else runs.
    validationGate(),
    starlight({
      title: { ko: '쿠버네티스 패턴 필드 가이드', en: 'Kubernetes Patterns Field Guide' },
      description: 'Kubernetes Patterns, with every example validated against Kubernetes 1.36.',
      defaultLocale: DEFAULT_LOCALE,
      locales: LOCALES,
      favicon: '/favicon.svg',
      // One bilingual 404 (static hosts serve a single /404.html for every language): src/pages/404.astro.
      disable404Route: true,
      sidebar: [
        {
          label: 'Behavioral Patterns',
          translations: { ko: '행동 패턴' },
          items: writtenChapters().map((chapter) => ({
            slug: chapter.slug,
            badge: { text: chapterBadge(chapter), variant: 'note' },
          })),
        },
        {
          label: 'About this guide',
          translations: { ko: '이 가이드에 대하여' },
          items: ['validation', 'playground', 'translation-status'],
        },
      ],
      customCss: ['./src/styles/site.css'],
      components: {
        MarkdownContent: './src/components/overrides/MarkdownContent.astro',
        Search: './src/components/overrides/Search.astro',
      },
      markdown: { processedDirs: ['./content'] },
      // From git; Starlight reads git only under src/content/docs/, contentGitDates() below covers content/.
      lastUpdated: true,
    }),
    contentLanguage(),
    contentGitDates(),
    mdx(),
    publishExamples(),
    // Last: slims the finished pages and drops the CSS none of them uses (first render <= 40 KB gzip per chapter).
    slimOutput(),
  ],
});
