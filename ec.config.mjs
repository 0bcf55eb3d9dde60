// Expressive Code options shared by Markdown code fences and the <Code> component (Manifest, ValidatorOutput).
import { defineEcConfig } from 'astro-expressive-code';
import { localeOfDocument, pluginExactCopy, pluginInheritCodeColor } from './src/site/expressive-code.ts';

export default defineEcConfig({
  // Starlight derives a block's language from src/content/docs/<locale>/; our pages live in content/<locale>/.
  getBlockLocale: ({ file }) => localeOfDocument(file),
  // Long lines wrap (indentation kept) instead of scrolling: no horizontal scroll regions to reach by keyboard, and
  // a whole manifest line stays readable on a phone.
  defaultProps: { wrap: true },
  // No line/text markers ({3}, ins=, del=, mark=) in this guide: without the plugin every page carries ~1.3 KB
  // (gzip) less CSS and markup. Turn it back on here if a page needs markers.
  textMarkers: false,
  plugins: [pluginExactCopy(), pluginInheritCodeColor()],
});
