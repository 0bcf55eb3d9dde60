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
