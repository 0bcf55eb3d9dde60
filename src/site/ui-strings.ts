// UI strings of the site's own components, in both languages. Starlight's and Pagefind's strings live in
// src/content/i18n/*.json.
import type { SiteLang } from './locales.ts';

export const UI = {
  ko: {
    download: (name: string) => `${name} 내려받기`,
    applyTitle: '클러스터에 바로 적용하기',
    acceptedBy: (versions: string) => `쿠버네티스 ${versions}에서 통과`,
    targetVersion: (version: string) => `대상 버전: 쿠버네티스 ${version}`,
    targetVersionLink: '예제를 검증하는 방법',
    bookChapters: (first: number, second: number) => `『쿠버네티스 패턴』 1판 ${first}장 · 2판 ${second}장`,
    mistakeTitle: '흔한 실수',
    mistakeFile: '잘못된 매니페스트',
    mistakeOutput: '검증기 출력',
    openInPlayground: '플레이그라운드에서 열기',
    rulesApiServer: 'API 서버 규칙 (오류)',
    rulesCrossResource: '여러 리소스를 함께 보는 규칙',
    rulesBestPractice: '모범 사례 (경고)',
    ruleAppliesTo: '대상',
    everyResource: '모든 리소스',
  },
  en: {
    download: (name: string) => `Download ${name}`,
    applyTitle: 'Apply it to your cluster',
    acceptedBy: (versions: string) => `Accepted by Kubernetes ${versions}`,
    targetVersion: (version: string) => `Target: Kubernetes ${version}`,
    targetVersionLink: 'How examples are validated',
    bookChapters: (first: number, second: number) => `"Kubernetes Patterns" 1st ed. ch. ${first} · 2nd ed. ch. ${second}`,
    mistakeTitle: 'Common mistake',
    mistakeFile: 'Broken manifest',
    mistakeOutput: 'Validator output',
    openInPlayground: 'Open in playground',
    rulesApiServer: 'API-server rules (errors)',
    rulesCrossResource: 'Rules across resources',
    rulesBestPractice: 'Best practices (warnings)',
    ruleAppliesTo: 'Applies to',
    everyResource: 'every resource',
  },
} satisfies Record<SiteLang, Record<string, unknown>>;

export function uiStrings(lang: string | undefined) {
  return lang === 'en' ? UI.en : UI.ko;
}
