// What a component knows about the page it is rendered in: its source file (for error messages such as
// "content/en/batch-job.mdx: ...") and its language.
import type { AstroGlobal } from 'astro';
import type { SiteLang } from './locales.ts';

function starlightRoute(astro: AstroGlobal) {
  try {
    return astro.locals.starlightRoute;
  } catch {
    // Starlight's locals throw when starlightRoute is read outside its routes.
    return undefined;
  }
}

export function pageSourceOf(astro: AstroGlobal): string {
  return starlightRoute(astro)?.entry?.filePath ?? `page ${astro.url.pathname}`;
}

export function pageLangOf(astro: AstroGlobal): SiteLang {
  const lang = starlightRoute(astro)?.lang ?? astro.currentLocale;
  return lang === 'en' ? 'en' : 'ko';
}

/**
 * Loads what a component embeds; a failure names the page and the component call
 * ("content/en/x.mdx: <Manifest file="..." />: ...") and keeps the error's location for the dev overlay.
 */
export async function loadForPage<T>(astro: AstroGlobal, call: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const { loc, id } = error as { loc?: unknown; id?: unknown };
    throw Object.assign(new Error(`${pageSourceOf(astro)}: ${call}: ${(error as Error).message}`), { loc, id });
  }
}
