// Example files as Vite modules, so `astro dev` re-renders a page when an example it embeds changes.
// `?raw` keeps the exact bytes, which is what the copy button and the download must give.
import { EXAMPLES_DIR } from './examples.ts';

const sources = import.meta.glob<string>('/examples/**/*.{yaml,yml}', { query: '?raw', import: 'default' });

/** The text of examples/<file>; throws "examples/<file> does not exist" for an unknown file. */
export async function loadExample(file: string): Promise<string> {
  const load = sources[`/${EXAMPLES_DIR}/${file}`];
  if (!load) throw new Error(`${EXAMPLES_DIR}/${file} does not exist`);
  return load();
}
