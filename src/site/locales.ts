// Site languages. Korean is the default: `/` redirects to /ko/.
export const LOCALES = {
  ko: { label: '한국어', lang: 'ko' },
  en: { label: 'English', lang: 'en' },
} as const;

export type SiteLang = keyof typeof LOCALES;
export const DEFAULT_LOCALE: SiteLang = 'ko';
export const SITE_LANGS = Object.keys(LOCALES) as SiteLang[];
