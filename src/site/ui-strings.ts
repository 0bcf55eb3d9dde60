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
    i18nSummary: (pairs: number, upToDate: number, outdated: number) => `페이지 ${pairs}쌍 중 ${upToDate}쌍은 최신이고 ${outdated}쌍은 번역이 뒤처져 있다.`,
    i18nShallow: '얕은 클론(shallow clone)에서 빌드해 기록이 잘린 페이지는 상태를 알 수 없다.',
    i18nUnavailable: (reason: string) => `git 기록을 읽을 수 없어 번역 상태를 표시하지 못했다: ${reason}`,
    i18nPage: '페이지',
    i18nState: '상태',
    i18nUpdated: (language: string) => `${language} 마지막 변경`,
    i18nStates: { 'up-to-date': '최신', outdated: '뒤처짐', missing: '없음', unknown: '알 수 없음' },
    i18nBehind: (file: string, count: number) => `${file}에 반영되지 않은 커밋 ${count}개:`,
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
    i18nSummary: (pairs: number, upToDate: number, outdated: number) => `Of ${pairs} page pairs, ${upToDate} are up to date and ${outdated} have a translation that is behind.`,
    i18nShallow: 'The site was built from a shallow clone: pages whose history is cut off have an unknown status.',
    i18nUnavailable: (reason: string) => `The translation status cannot be shown without git history: ${reason}`,
    i18nPage: 'Page',
    i18nState: 'Status',
    i18nUpdated: (language: string) => `${language} last changed`,
    i18nStates: { 'up-to-date': 'up to date', outdated: 'behind', missing: 'missing', unknown: 'unknown' },
    i18nBehind: (file: string, count: number) => `${count} commit${count === 1 ? '' : 's'} not yet in ${file}:`,
  },
} satisfies Record<SiteLang, Record<string, unknown>>;

export function uiStrings(lang: string | undefined) {
  return lang === 'en' ? UI.en : UI.ko;
}
