// Name formats of k8s.io/apimachinery/pkg/util/validation (validation.go) and
// k8s.io/apimachinery/pkg/api/validation/path (IsValidPathSegmentName), as the API server applies them.
// Each check returns null when the value is valid, else a bilingual reason.
import { msg, type Msg } from './util.ts';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const PORT_NAME_CHARS = /^[-a-z0-9]+$/;

export const DNS1123_LABEL_MAX = 63;
export const DNS1123_SUBDOMAIN_MAX = 253;

function tooLong(max: number, what?: Msg): Msg {
  return what
    ? msg(`must be a ${what.en} of no more than ${max} characters`, `${max}자 이하의 ${what.ko}이어야 한다`)
    : msg(`must be no more than ${max} characters`, `${max}자 이하여야 한다`);
}

const LABEL_TITLE = msg('DNS-1123 label', 'DNS-1123 레이블');
const SUBDOMAIN_TITLE = msg('DNS-1123 subdomain', 'DNS-1123 서브도메인');
const DNS1035_TITLE = msg('DNS-1035 label', 'DNS-1035 레이블');

export function dns1123Label(value: string): Msg | null {
  if (value.length > DNS1123_LABEL_MAX) return tooLong(DNS1123_LABEL_MAX, LABEL_TITLE);
  if (!DNS1123_LABEL.test(value)) {
    return msg(
      'must be a DNS-1123 label: lowercase letters, digits and "-", starting and ending with a letter or digit',
      'DNS-1123 레이블이어야 한다: 소문자, 숫자, "-"만 쓰고 영숫자로 시작하고 끝나야 한다',
    );
  }
  return null;
}

export function dns1123Subdomain(value: string): Msg | null {
  if (value.length > DNS1123_SUBDOMAIN_MAX) return tooLong(DNS1123_SUBDOMAIN_MAX, SUBDOMAIN_TITLE);
  if (!DNS1123_SUBDOMAIN.test(value)) {
    return msg(
      'must be a DNS-1123 subdomain: lowercase letters, digits, "-" and ".", each dot-separated part starting and ending with a letter or digit',
      'DNS-1123 서브도메인이어야 한다: 소문자, 숫자, "-", "."만 쓰고 점으로 나뉜 각 부분은 영숫자로 시작하고 끝나야 한다',
    );
  }
  return null;
}

export function dns1035Label(value: string): Msg | null {
  if (value.length > DNS1123_LABEL_MAX) return tooLong(DNS1123_LABEL_MAX, DNS1035_TITLE);
  if (!DNS1035_LABEL.test(value)) {
    return msg(
      'must be a DNS-1035 label: lowercase letters, digits and "-", starting with a letter and ending with a letter or digit',
      'DNS-1035 레이블이어야 한다: 소문자, 숫자, "-"만 쓰고 소문자로 시작해 영숫자로 끝나야 한다',
    );
  }
  return null;
}

/**
 * Environment variable names and envFrom prefixes: IsRelaxedEnvVarName, the rule since RelaxedEnvironmentVariableValidation
 * went beta (on by default) in 1.32, GA in 1.34: any printable ASCII character except "=", not empty. `relaxed: false`
 * (1.30, 1.31): IsEnvVarName, letters, digits, "_", "-" and ".", not starting with a digit.
 */
export function envVarName(value: string, relaxed = true): Msg | null {
  if (value.length === 0) return msg('must not be empty', '비어 있을 수 없다');
  if (!relaxed && !/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(value)) {
    return msg(
      'must consist of letters, digits, "_", "-" or "." and must not start with a digit (names with other characters need Kubernetes 1.32 or later)',
      '영문자, 숫자, "_", "-", "."로만 이루어지고 숫자로 시작하지 않아야 한다(다른 문자가 든 이름은 쿠버네티스 1.32 이상이 필요하다)',
    );
  }
  if (!/^[\x20-\x7e]*$/.test(value) || value.includes('=')) {
    return msg(
      'must consist only of printable ASCII characters other than "="',
      '"="를 뺀 출력 가능한 ASCII 문자로만 이루어져야 한다',
    );
  }
  return null;
}

/** RBAC object names: anything that is a valid URL path segment. */
export function pathSegmentName(value: string): Msg | null {
  if (value === '.' || value === '..') return msg(`must be a path segment name, which may not be "${value}"`, `경로 세그먼트 이름이어야 하므로 "${value}"일 수 없다`);
  if (value.includes('/') || value.includes('%')) {
    return msg('must be a path segment name, which may not contain "/" or "%"', '경로 세그먼트 이름이어야 하므로 "/"나 "%"를 포함할 수 없다');
  }
  return null;
}

/** Label and annotation keys: an optional DNS-1123 subdomain prefix and "/", then a name of <= 63 characters. */
export function qualifiedName(value: string): Msg | null {
  const parts = value.split('/');
  let name = value;
  if (parts.length === 2) {
    const [prefix, rest] = parts as [string, string];
    if (prefix.length === 0) return msg('prefix part must be non-empty', '접두사 부분이 비어 있으면 안 된다');
    const prefixProblem = dns1123Subdomain(prefix);
    if (prefixProblem) {
      return msg(`prefix part ${prefixProblem.en}`, `접두사 부분은 ${prefixProblem.ko}`);
    }
    name = rest;
  } else if (parts.length > 2) {
    return msg(
      'must be a name with an optional DNS subdomain prefix and at most one "/" (e.g. "example.com/my-name")',
      '선택적 DNS 서브도메인 접두사와 "/" 하나 이하로 된 이름이어야 한다 (예: "example.com/my-name")',
    );
  }
  if (name.length === 0) return msg('name part must be non-empty', '이름 부분이 비어 있으면 안 된다');
  if (name.length > 63) return msg('name part must be no more than 63 characters', '이름 부분은 63자 이하여야 한다');
  if (!QUALIFIED_NAME_PART.test(name)) {
    return msg(
      'name part must consist of alphanumeric characters, "-", "_" or ".", and must start and end with an alphanumeric character',
      '이름 부분은 영숫자, "-", "_", "."로만 이루어지고 영숫자로 시작하고 끝나야 한다',
    );
  }
  return null;
}

export function labelValue(value: string): Msg | null {
  if (value.length === 0) return null;
  if (value.length > 63) return tooLong(63);
  if (!QUALIFIED_NAME_PART.test(value)) {
    return msg(
      'must be empty or consist of alphanumeric characters, "-", "_" or ".", starting and ending with an alphanumeric character',
      '비어 있거나 영숫자, "-", "_", "."로만 이루어지고 영숫자로 시작하고 끝나야 한다',
    );
  }
  return null;
}

/** IANA_SVC_NAME (RFC 6335), used for container port names and named targetPorts. */
export function portName(value: string): Msg | null {
  if (value.length === 0 || value.length > 15) {
    return msg('must be 1 to 15 characters long (IANA_SVC_NAME)', '1자 이상 15자 이하여야 한다 (IANA_SVC_NAME)');
  }
  if (!PORT_NAME_CHARS.test(value)) {
    return msg('must contain only lowercase letters, digits and "-" (IANA_SVC_NAME)', '소문자, 숫자, "-"만 쓸 수 있다 (IANA_SVC_NAME)');
  }
  if (!/[a-z]/.test(value)) return msg('must contain at least one letter (IANA_SVC_NAME)', '문자를 하나 이상 포함해야 한다 (IANA_SVC_NAME)');
  if (value.includes('--')) return msg('must not contain consecutive hyphens (IANA_SVC_NAME)', '하이픈을 연속해서 쓸 수 없다 (IANA_SVC_NAME)');
  if (value.startsWith('-') || value.endsWith('-')) {
    return msg('must not begin or end with a hyphen (IANA_SVC_NAME)', '하이픈으로 시작하거나 끝날 수 없다 (IANA_SVC_NAME)');
  }
  return null;
}

export type NameFormat = 'dns1123-subdomain' | 'dns1123-label' | 'dns1035-label' | 'path-segment';

/** metadata.name format per kind (ValidateServiceName, ValidateNamespaceName, ValidateStatefulSetName, ValidateRBACName...). */
export function nameFormatFor(apiVersion: string, kind: string): NameFormat {
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  if (group === '' && kind === 'Service') return 'dns1035-label';
  if (group === '' && kind === 'Namespace') return 'dns1123-label';
  if (group === 'apps' && kind === 'StatefulSet') return 'dns1123-label';
  if (group === 'rbac.authorization.k8s.io' && ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'].includes(kind)) {
    return 'path-segment';
  }
  return 'dns1123-subdomain';
}

export function checkName(format: NameFormat, value: string): Msg | null {
  switch (format) {
    case 'dns1123-label':
      return dns1123Label(value);
    case 'dns1035-label':
      return dns1035Label(value);
    case 'path-segment':
      return pathSegmentName(value);
    default:
      return dns1123Subdomain(value);
  }
}
