// Expressive Code options shared by Markdown code fences and the <Code> component (Manifest).
import { defineEcConfig } from 'astro-expressive-code';
import { localeOfDocument, pluginExactCopy } from './src/site/expressive-code.ts';

export default defineEcConfig({
  // Starlight derives a block's language from src/content/docs/<locale>/; our pages live in content/<locale>/.
  getBlockLocale: ({ file }) => localeOfDocument(file),
  plugins: [pluginExactCopy()],
});
