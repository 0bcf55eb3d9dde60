import type { Rule, RuleFinding } from '../types.ts';
import { INGRESS, ingressHttpPaths } from './lib/ingress.ts';
import { arr, finding, isObj, missing, msg, obj, q, str, josa } from './lib/util.ts';

const PATH_TYPES = ['Exact', 'Prefix', 'ImplementationSpecific'];
const INVALID_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_SUFFIXES = ['/..', '/.'];

/** validateHTTPIngressPath in pkg/apis/networking/validation. */
export const ingressPaths: Rule = {
  id: 'ingress-paths',
  severity: 'error',
  description: msg(
    'Every Ingress HTTP path needs a pathType (Exact, Prefix or ImplementationSpecific); Exact and Prefix paths must start with "/" and must not contain "//", "/./", "/../" or "%2f" nor end with "/." or "/..". An http rule needs at least one path.',
    'Ingress의 HTTP 경로에는 모두 pathType(Exact, Prefix, ImplementationSpecific)이 필요하다. Exact와 Prefix 경로는 "/"로 시작해야 하고 "//", "/./", "/../", "%2f"를 포함하거나 "/.", "/.."로 끝날 수 없다. http 규칙에는 경로가 하나 이상 있어야 한다.',
  ),
  appliesTo: INGRESS,
  check(resource) {
    const out: RuleFinding[] = [];
    arr(obj(resource.object.spec)?.rules).forEach((rule, r) => {
      const http = isObj(rule) ? obj(rule.http) : undefined;
      if (http && arr(http.paths).length === 0) {
        out.push(missing(['spec', 'rules', r, 'http'], msg('An http rule needs at least one entry in paths.', 'http 규칙에는 paths 항목이 하나 이상 있어야 한다.'), 'paths'));
      }
    });
    for (const { path, value } of ingressHttpPaths(resource)) {
      const pathType = value.pathType;
      const text = str(value.path) ?? '';
      if (pathType === undefined || pathType === null) {
        out.push(missing(path, msg(
          'pathType is required in networking.k8s.io/v1: use Prefix (most common), Exact or ImplementationSpecific.',
          'networking.k8s.io/v1에서는 pathType이 필수다: Prefix(가장 흔함), Exact, ImplementationSpecific 중 하나를 써야 한다.',
        ), 'pathType'));
        continue;
      }
      if (typeof pathType !== 'string') continue;
      if (!PATH_TYPES.includes(pathType)) {
        out.push(finding([...path, 'pathType'], msg(
          `pathType ${q(pathType)} is not supported: use ${PATH_TYPES.join(', ')}.`,
          `pathType ${josa(q(pathType), '은/는')} 지원되지 않는다: ${PATH_TYPES.join(', ')} 중 하나를 써야 한다.`,
        )));
        continue;
      }
      const where = value.path === undefined ? path : [...path, 'path'];
      const at = value.path === undefined ? 'key' : 'value';
      if ((pathType === 'Exact' || pathType === 'Prefix' || text.length > 0) && !text.startsWith('/')) {
        out.push(finding(where, msg(
          `With pathType ${pathType} the path must be absolute (start with "/"), not ${q(text)}.`,
          `pathType이 ${pathType}이면 path는 "/"로 시작하는 절대 경로여야 한다 (${josa(q(text), '은/는')} 안 된다).`,
        ), { at }));
      }
      if (pathType === 'Exact' || pathType === 'Prefix') {
        for (const seq of INVALID_SEQUENCES) {
          if (text.includes(seq)) out.push(finding(where, msg(`The path ${q(text)} must not contain ${q(seq)}.`, `path ${josa(q(text), '은/는')} ${josa(q(seq), '을/를')} 포함할 수 없다.`)));
        }
        for (const suffix of INVALID_SUFFIXES) {
          if (text.endsWith(suffix)) out.push(finding(where, msg(`The path ${q(text)} must not end with ${q(suffix)}.`, `path ${josa(q(text), '은/는')} ${josa(q(suffix), '으로/로')} 끝날 수 없다.`)));
        }
      }
    }
    return out;
  },
};
