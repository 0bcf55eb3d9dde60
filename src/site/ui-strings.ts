// UI strings of the site's own components, in both languages. Starlight's and Pagefind's strings live in
// src/content/i18n/*.json.
import type { SiteLang } from './locales.ts';

export const UI = {
  ko: {
    download: (name: string) => `${name} 내려받기`,
    applyTitle: '클러스터에 바로 적용하기',
    validatedAgainst: (version: string) => `쿠버네티스 ${version} 기준으로 검증됨`,
    targetVersion: (version: string) => `대상 버전: 쿠버네티스 ${version}`,
    targetVersionLink: '검증 방법',
    mistakeTitle: '흔한 실수',
    mistakeFile: '잘못된 매니페스트',
    mistakeOutput: '검증기 출력',
  },
  en: {
    download: (name: string) => `Download ${name}`,
    applyTitle: 'Apply it to your cluster',
    validatedAgainst: (version: string) => `Validated against Kubernetes ${version}`,
    targetVersion: (version: string) => `Target: Kubernetes ${version}`,
    targetVersionLink: 'How examples are validated',
    mistakeTitle: 'Common mistake',
    mistakeFile: 'Broken manifest',
    mistakeOutput: 'Validator output',
  },
} satisfies Record<SiteLang, Record<string, unknown>>;

export function uiStrings(lang: string | undefined) {
  return lang === 'en' ? UI.en : UI.ko;
}
