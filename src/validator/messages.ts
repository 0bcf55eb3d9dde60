// Every sentence the validator says, in English and in Korean (plain form, 평어체; field names untranslated).
import type { Lang } from './types.ts';

export type Localized = Record<Lang, string>;

const q = (value: string) => JSON.stringify(value);

/** Short, readable rendering of a value found in the manifest. */
export function preview(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return q(value.length > 60 ? value.slice(0, 57) + '...' : value);
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return 'object';
  return String(value);
}

/** JSON type name of a value, as JSON Schema names them. */
export function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function list(values: unknown[], lang: Lang): string {
  const shown = values.slice(0, 12).map((v) => (typeof v === 'string' ? q(v) : String(v)));
  if (values.length > 12) shown.push(lang === 'ko' ? `외 ${values.length - 12}개` : `and ${values.length - 12} more`);
  return shown.join(', ');
}

// The `yaml` package's most common error codes, said in Korean (others keep the package's English text).
const YAML_ERRORS_KO: Record<string, string> = {
  TAB_AS_INDENT: '들여쓰기에 탭을 쓸 수 없다',
  BAD_INDENT: '들여쓰기가 맞지 않는다',
  MISSING_CHAR: '닫는 문자(따옴표나 괄호)가 빠졌다',
  MULTILINE_IMPLICIT_KEY: '키가 한 줄에 있어야 한다',
  BLOCK_AS_IMPLICIT_KEY: '블록이 키 자리에 올 수 없다',
  UNEXPECTED_TOKEN: '이 자리에 올 수 없는 문자가 있다',
  BAD_SCALAR_START: '값이 이 문자로 시작할 수 없다',
  BAD_DQ_ESCAPE: '큰따옴표 문자열의 이스케이프가 올바르지 않다',
  BAD_ALIAS: '정의되지 않은 앵커를 가리키는 앨리어스다',
  TAG_RESOLVE_FAILED: '태그를 해석할 수 없다',
  BLOCK_IN_FLOW: '흐름 스타일({ } 또는 [ ]) 안에 블록 스타일을 쓸 수 없다',
  KEY_OVER_1024_CHARS: '암묵적 키가 1024자를 넘는다',
};

export const msg = {
  // ---- input -----------------------------------------------------------------------------------
  unreadable: (detail: string): Localized => ({ en: `cannot read: ${detail}`, ko: `읽을 수 없다: ${detail}` }),
  yamlSyntax: (detail: string, code?: string): Localized => ({
    en: `YAML syntax error: ${detail}`,
    ko: `YAML 문법 오류다: ${(code && YAML_ERRORS_KO[code]) || detail}`,
  }),
  duplicateKey: (key: string | undefined): Localized =>
    key === undefined ? { en: 'duplicate key', ko: '키가 중복됐다' } : { en: `duplicate key ${q(key)}`, ko: `키 ${q(key)}가 중복됐다` },
  aliasLimit: (limit: number): Localized => ({
    en: `aliases expand to too many nodes (more than ${limit}): refusing a possible "billion laughs" document`,
    ko: `앨리어스가 너무 많은 노드로 펼쳐진다(${limit}개 초과): "billion laughs" 공격일 수 있어 읽지 않는다`,
  }),
  undefinedAlias: (name: string): Localized => ({
    en: `undefined alias "*${name}": no anchor "&${name}" is set before it in this document (anchors do not carry over "---")`,
    ko: `앨리어스 "*${name}"의 앵커가 정의되지 않았다: 이 문서에서 그보다 앞에 "&${name}" 앵커가 없다(앵커는 "---" 너머로 이어지지 않는다)`,
  }),
  tooDeep: (limit: number): Localized => ({
    en: `nested too deeply (the limit is about ${limit} levels)`,
    ko: `중첩이 너무 깊다(한도는 약 ${limit}단계)`,
  }),
  notAMapping: (type: string): Localized => ({
    en: `a Kubernetes resource must be a mapping, got ${type}`,
    ko: `쿠버네티스 리소스는 매핑이어야 하는데 ${type}이다`,
  }),
  emptyStdin: (): Localized => ({ en: 'standard input is empty: nothing to validate', ko: '표준 입력이 비어 있다: 검증할 것이 없다' }),
  binary: (): Localized => ({ en: 'binary file (contains NUL bytes), not YAML', ko: '바이너리 파일이다(NUL 바이트가 있다). YAML이 아니다' }),
  utf16: (): Localized => ({ en: 'file is UTF-16 encoded; save it as UTF-8', ko: 'UTF-16으로 인코딩된 파일이다. UTF-8로 저장해야 한다' }),
  invalidUtf8: (): Localized => ({ en: 'invalid UTF-8 byte sequence', ko: '올바르지 않은 UTF-8 바이트 열이다' }),
  noFiles: (): Localized => ({ en: 'no files to validate', ko: '검증할 파일이 없다' }),

  // ---- resource identity ---------------------------------------------------------------------------
  missingKind: (): Localized => ({ en: "missing 'kind' key", ko: "'kind' 키가 없다" }),
  missingApiVersion: (): Localized => ({ en: "missing 'apiVersion' key", ko: "'apiVersion' 키가 없다" }),
  emptyValue: (key: string): Localized => ({ en: `'${key}' has no value`, ko: `'${key}' 값이 비어 있다` }),
  notAString: (key: string, value: unknown): Localized => ({
    en: `'${key}' must be a string, got ${preview(value)}`,
    ko: `'${key}'는 문자열이어야 하는데 ${preview(value)}이다`,
  }),
  rejected: (kind: string): Localized => ({ en: `prohibited resource kind ${kind}`, ko: `금지된 리소스 종류다(-reject): ${kind}` }),
  skipped: (what: string): Localized => ({ en: `skipped (-skip ${what})`, ko: `건너뛰었다(-skip ${what})` }),
  missingSchema: (apiVersion: string, kind: string): Localized => ({
    en: `could not find schema for ${kind} (${apiVersion})`,
    ko: `${kind}(${apiVersion})의 스키마를 찾지 못했다`,
  }),
  missingSchemaSkipped: (): Localized => ({ en: 'no schema (-ignore-missing-schemas)', ko: '스키마가 없다(-ignore-missing-schemas)' }),
  unknownApi: (apiVersion: string, kind: string, group: string, version: string): Localized => {
    const where = group === '' ? 'the core group' : `the group ${q(group)}`;
    const whereKo = group === '' ? '코어 그룹' : `그룹 ${q(group)}`;
    return {
      en: `Kubernetes ${version} has no ${kind} in ${apiVersion}: ${where} is built into the API server, so it cannot hold custom resources`,
      ko: `쿠버네티스 ${version}의 ${apiVersion}에는 ${kind} 종류가 없다: API 서버에 내장된 ${whereKo}에는 커스텀 리소스를 둘 수 없다`,
    };
  },
  versionNotServed: (apiVersion: string, kind: string, crd: string, served: string[]): Localized => ({
    en: `${kind} is not served in ${apiVersion}: its CustomResourceDefinition ${q(crd)} serves ${served.join(', ')}`,
    ko: `${apiVersion} ${kind}: CustomResourceDefinition ${q(crd)}에서 제공하지 않는 버전이다(제공하는 버전: ${served.join(', ')})`,
  }),
  crdUnusable: (detail: Localized): Localized => ({
    en: `${detail.en}; the API server would refuse this CustomResourceDefinition (its custom resources are not checked against it)`,
    ko: `${detail.ko}. API 서버가 이 CustomResourceDefinition을 거부한다(이 CRD로 커스텀 리소스를 검사하지 않는다)`,
  }),
  servedLater: (apiVersion: string, kind: string, servedFrom: string): Localized => ({
    en: `${apiVersion} ${kind} is served only from Kubernetes ${servedFrom} on`,
    ko: `${apiVersion} ${kind}: 쿠버네티스 ${servedFrom}부터 제공되는 API다`,
  }),
  removedApi: (apiVersion: string, kind: string, removedIn: string, replacement: string): Localized => ({
    en: `${apiVersion} ${kind} was removed in Kubernetes ${removedIn}; use ${replacement}`,
    ko: `${apiVersion} ${kind}: 쿠버네티스 ${removedIn}에서 제거된 API다. 대신 ${replacement}를 쓴다`,
  }),

  // ---- schema ------------------------------------------------------------------------------------------
  unknownField: (field: string): Localized => ({ en: `unknown field ${q(field)}`, ko: `${q(field)} 필드는 스키마에 없다` }),
  didYouMean: (field: string, required: boolean): Localized =>
    required
      ? { en: `did you mean ${q(field)}? (a required field)`, ko: `${q(field)}의 오타로 보인다(필수 필드다)` }
      : { en: `did you mean ${q(field)}?`, ko: `${q(field)}의 오타로 보인다` },
  missingField: (field: string): Localized => ({ en: `missing required field ${q(field)}`, ko: `필수 필드 ${q(field)}가 없다` }),
  wrongType: (expected: string[], value: unknown): Localized => ({
    en: `expected ${expected.join(' or ')}, got ${typeName(value)}${value !== null && typeof value !== 'object' ? ` ${preview(value)}` : ''}`,
    ko: `${expected.join(' 또는 ')} 타입이어야 하는데 ${typeName(value)}${value !== null && typeof value !== 'object' ? ` ${preview(value)}` : ''}이다`,
  }),
  noValue: (field: string, expected: string[]): Localized => ({
    en: `${q(field)} has no value: expected ${expected.join(' or ')}`,
    ko: `${q(field)} 값이 비어 있다: ${expected.join(' 또는 ')} 타입이어야 한다`,
  }),
  notInEnum: (allowed: unknown[], value: unknown, suggestion?: string): Localized => ({
    en: `must be one of ${list(allowed, 'en')}; got ${preview(value)}${suggestion ? ` (did you mean ${q(suggestion)}?)` : ''}`,
    ko: `${list(allowed, 'ko')} 중 하나여야 하는데 ${preview(value)}이다${suggestion ? ` (${q(suggestion)}의 오타로 보인다)` : ''}`,
  }),
  notConst: (allowed: unknown, value: unknown): Localized => ({
    en: `must be ${preview(allowed)}; got ${preview(value)}`,
    ko: `${preview(allowed)}이어야 하는데 ${preview(value)}이다`,
  }),
  pattern: (pattern: string, value: unknown): Localized => ({
    en: `${preview(value)} does not match the pattern ${pattern}`,
    ko: `${preview(value)}는 패턴 ${pattern}에 맞지 않는다`,
  }),
  quantity: (value: unknown): Localized => ({
    en: `${preview(value)} is not a Kubernetes quantity (like 500m, 1.5, 64Mi or 2Gi)`,
    ko: `${preview(value)}는 쿠버네티스 수량 표기가 아니다(500m, 1.5, 64Mi, 2Gi 같은 형식이어야 한다)`,
  }),
  format: (format: string, value: unknown): Localized => ({
    en: `${preview(value)} is not a valid ${format}`,
    ko: `${preview(value)}는 올바른 ${format} 형식이 아니다`,
  }),
  limit: (keyword: string, limit: number, value: unknown): Localized => {
    const en: Record<string, string> = {
      minimum: `must be >= ${limit}`, maximum: `must be <= ${limit}`,
      exclusiveMinimum: `must be > ${limit}`, exclusiveMaximum: `must be < ${limit}`,
      minLength: `must be at least ${limit} characters long`, maxLength: `must be at most ${limit} characters long`,
      minItems: `must have at least ${limit} items`, maxItems: `must have at most ${limit} items`,
      minProperties: `must have at least ${limit} fields`, maxProperties: `must have at most ${limit} fields`,
      multipleOf: `must be a multiple of ${limit}`,
    };
    const ko: Record<string, string> = {
      minimum: `${limit} 이상이어야 한다`, maximum: `${limit} 이하여야 한다`,
      exclusiveMinimum: `${limit}보다 커야 한다`, exclusiveMaximum: `${limit}보다 작아야 한다`,
      minLength: `${limit}자 이상이어야 한다`, maxLength: `${limit}자 이하여야 한다`,
      minItems: `항목이 ${limit}개 이상이어야 한다`, maxItems: `항목이 ${limit}개 이하여야 한다`,
      minProperties: `필드가 ${limit}개 이상이어야 한다`, maxProperties: `필드가 ${limit}개 이하여야 한다`,
      multipleOf: `${limit}의 배수여야 한다`,
    };
    const got = typeof value === 'string' || typeof value === 'number' ? preview(value) : '';
    return {
      en: `${en[keyword] ?? `must satisfy ${keyword} ${limit}`}${got ? `; got ${got}` : ''}`,
      ko: `${ko[keyword] ?? `${keyword} ${limit} 조건을 지켜야 한다`}${got ? ` (값: ${got})` : ''}`,
    };
  },
  uniqueItems: (): Localized => ({ en: 'items must be unique', ko: '항목이 중복되면 안 된다' }),
  duplicateListMapItem: (keys: string[], values: unknown[], first: number): Localized => {
    const identity = keys.map((k, i) => `${k}=${JSON.stringify(values[i])}`).join(', ');
    return {
      en: `duplicate item: item ${first} already has ${identity} (the list is a map keyed by ${keys.join(', ')})`,
      ko: `중복된 항목이다: ${first}번 항목과 키(${identity})가 같다. 이 목록은 ${keys.join(', ')} 키로 항목을 구분한다`,
    };
  },
  noAlternative: (): Localized => ({ en: 'does not match any of the allowed forms', ko: '허용된 형식 중 어느 것에도 맞지 않는다' }),
  otherSchemaError: (keyword: string, detail: string): Localized => ({
    en: detail,
    ko: `스키마 조건 ${keyword}를 어긴다: ${detail}`,
  }),

  // ---- rule control (-disable-rule, -enable-rule, opt-outs) ---------------------------------------------
  unknownRule: (id: string, suggestion: string | undefined): Localized => ({
    en: `unknown rule ${q(id)}${suggestion ? ` (did you mean ${q(suggestion)}?)` : ''}; -list-rules lists the rule ids and groups`,
    ko: `알 수 없는 규칙 ${q(id)}이다${suggestion ? `(${q(suggestion)}의 오타로 보인다)` : ''}. 규칙 id와 그룹은 -list-rules로 확인한다`,
  }),
  ruleBothWays: (id: string): Localized => ({
    en: `rule ${q(id)} is both disabled and enabled; name it in only one list`,
    ko: `${q(id)} 규칙을 끄면서 동시에 켰다. 한쪽 목록에만 적는다`,
  }),
  optOutNoRule: (example: string): Localized => ({
    en: `this opt-out names no rule; write ${example}`,
    ko: `규칙 제외에 규칙 id가 없다. ${example} 형식으로 쓴다`,
  }),
  optOutNoReason: (id: string, example: string): Localized => ({
    en: `the opt-out of rule ${q(id)} gives no reason; write ${example}`,
    ko: `${q(id)} 규칙을 제외하는 이유가 없다. ${example} 형식으로 쓴다`,
  }),
  optOutUnknownAnnotation: (key: string, example: string): Localized => ({
    en: `unknown k8s-validate annotation ${q(key)}; an opt-out is written ${example}`,
    ko: `알 수 없는 k8s-validate 어노테이션 ${q(key)}이다. 규칙 제외는 ${example} 형식으로 쓴다`,
  }),
  optOutUnknownComment: (word: string, example: string): Localized => ({
    en: `unknown directive ${q(word)}; an opt-out comment is written ${example}`,
    ko: `알 수 없는 지시문 ${q(word)}이다. 규칙 제외 주석은 ${example} 형식으로 쓴다`,
  }),
  optOutUnused: (name: string): Localized => ({
    en: `rule ${q(name)} reports nothing in this resource, so this opt-out silences nothing; remove it`,
    ko: `이 리소스에는 ${q(name)} 규칙이 보고하는 것이 없어 이 규칙 제외는 필요 없다. 지운다`,
  }),
  optOutNoResource: (): Localized => ({
    en: 'this opt-out comment is in no resource (it applies to the resource of the YAML document it is written in)',
    ko: '이 규칙 제외 주석이 속한 리소스가 없다(주석은 그 주석이 있는 YAML 문서의 리소스에 적용된다)',
  }),
  configNotMapping: (): Localized => ({ en: 'the config file must be a YAML mapping of settings', ko: '설정 파일은 설정 항목의 YAML 매핑이어야 한다' }),
  configUnknownKey: (key: string, suggestion: string | undefined, known: string[]): Localized => ({
    en: `unknown setting ${q(key)}${suggestion ? ` (did you mean ${q(suggestion)}?)` : ''}; known settings: ${known.join(', ')}`,
    ko: `알 수 없는 설정 ${q(key)}이다${suggestion ? `(${q(suggestion)}의 오타로 보인다)` : ''}. 쓸 수 있는 설정: ${known.join(', ')}`,
  }),
  configWrongType: (key: string, expected: 'boolean' | 'string' | 'list'): Localized => ({
    en: `${q(key)} must be ${expected === 'list' ? 'a list of strings' : `a ${expected}`}`,
    ko: `${q(key)} 설정은 ${expected === 'list' ? '문자열 목록' : expected === 'boolean' ? '불리언(true/false)' : '문자열'}이어야 한다`,
  }),
  configQuoteVersion: (): Localized => ({
    en: '"kubernetesVersion" must be a string: quote it ("1.30"), as unquoted YAML reads 1.30 as the number 1.3',
    ko: '"kubernetesVersion" 설정은 문자열이어야 한다. 따옴표 없이 쓴 1.30은 YAML에서 숫자 1.3이 되므로 "1.30"처럼 따옴표로 감싼다',
  }),
  configBadPattern: (detail: string): Localized => ({ en: `not a valid regular expression: ${detail}`, ko: `올바른 정규 표현식이 아니다: ${detail}` }),
  configBothFiles: (a: string, b: string): Localized => ({ en: `both ${a} and ${b} exist; keep one`, ko: `${a}, ${b} 파일이 모두 있다. 하나만 둔다` }),
  ignoredBy: (reason: string, via: 'annotation' | 'comment', where: string): Localized => ({
    en: `opted out: ${reason}; ${via} ${where}`,
    ko: `규칙 제외: ${reason}; ${via === 'annotation' ? '어노테이션' : '주석'} ${where}`,
  }),

  // ---- output ----------------------------------------------------------------------------------------------
  summary: (s: { resources: number; files: number; valid: number; invalid: number; errors: number; skipped: number; warnings: number; optedOut: number; ignored?: number; stdin: boolean }): Localized => {
    const enWhere = s.stdin ? 'parsing stdin' : `in ${s.files} file${s.files === 1 ? '' : 's'}`;
    const extraEn = `${s.warnings ? `, Warnings: ${s.warnings}` : ''}${s.ignored ? `, Ignored: ${s.ignored}` : ''}${s.optedOut ? `, Opted out: ${s.optedOut}` : ''}`;
    const extraKo = `${s.warnings ? `, 경고: ${s.warnings}` : ''}${s.ignored ? `, 규칙 제외: ${s.ignored}` : ''}${s.optedOut ? `, 검증 제외(novalidate): ${s.optedOut}` : ''}`;
    return {
      en: `Summary: ${s.resources} resource${s.resources === 1 ? '' : 's'} found ${enWhere} - Valid: ${s.valid}, Invalid: ${s.invalid}, Errors: ${s.errors}, Skipped: ${s.skipped}${extraEn}`,
      ko: `요약: ${s.stdin ? '표준 입력에서' : `파일 ${s.files}개에서`} 리소스 ${s.resources}개를 찾았다 - 유효: ${s.valid}, 무효: ${s.invalid}, 오류: ${s.errors}, 건너뜀: ${s.skipped}${extraKo}`,
    };
  },
  isValid: (what: string): Localized => ({ en: `${what} is valid`, ko: `${what}: 유효하다` }),
  isSkipped: (what: string): Localized => ({ en: `${what} skipped`, ko: `${what}: 건너뛰었다` }),
  unsupportedVersion: (version: string, supported: string[]): Localized => ({
    en: `Kubernetes version ${version} is not bundled; supported: ${supported.join(', ')}`,
    ko: `쿠버네티스 ${version} 버전의 스키마는 들어 있지 않다. 지원하는 버전: ${supported.join(', ')}`,
  }),
};

/** Language from the environment, as gettext reads it: LC_ALL, then LC_MESSAGES, then LANG. */
export function langFromEnv(env: Record<string, string | undefined>): Lang {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return value.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}
