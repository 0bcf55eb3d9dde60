// Diagram sources as Vite modules, so `astro dev` redraws a page when a diagram it shows changes.
import { DIAGRAMS_DIR, DiagramError, renderDiagram, type Diagram } from './diagrams.ts';
import type { SiteLang } from './locales.ts';

const sources = import.meta.glob<string>('/diagrams/*.dot', { query: '?raw', import: 'default' });

/** diagrams/<file> drawn in `lang`; a DiagramError keeps its line, so the dev overlay points at the source. */
export async function loadDiagram(file: string, lang: SiteLang): Promise<Diagram> {
  const load = sources[`/${DIAGRAMS_DIR}/${file}`];
  if (!load) throw new Error(`${DIAGRAMS_DIR}/${file} does not exist`);
  try {
    return await renderDiagram(await load(), `${DIAGRAMS_DIR}/${file}`, lang);
  } catch (error) {
    if (!(error instanceof DiagramError)) throw error;
    const path = `${process.cwd()}/${error.file}`;
    throw Object.assign(error, { id: path, loc: { file: path, line: error.line, column: error.col } });
  }
}
