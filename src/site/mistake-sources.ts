// Broken manifests shown as "common mistakes" (src/mistakes/), as Vite modules so `astro dev` picks up edits.
const sources = import.meta.glob<string>('/src/mistakes/**/*.{yaml,yml}', { query: '?raw', import: 'default' });

/** The text of a repo-relative file such as "src/mistakes/x.yaml". */
export async function loadMistake(file: string): Promise<string> {
  const load = sources[`/${file.replace(/^\.?\//, '')}`];
  if (!load) throw new Error(`${file} does not exist (common-mistake files live in src/mistakes/)`);
  return load();
}
