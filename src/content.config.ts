// Pages live in the top-level content/ folder (content/ko/*.mdx, content/en/*.mdx) so writers and the validator
// see them next to examples/; Starlight's `docs` collection is pointed there with a glob loader instead of
// docsLoader(), which only reads src/content/docs/.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';

export const collections = {
  docs: defineCollection({
    loader: glob({ base: './content', pattern: '**/[^_]*.{md,mdx}' }),
    schema: docsSchema({
      extend: z.object({
        /** Book chapter numbers: 1st edition (2019) and 2nd edition (2023). */
        chapter: z.object({ first: z.int().positive(), second: z.int().positive() }).optional(),
      }),
    }),
  }),
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
};
