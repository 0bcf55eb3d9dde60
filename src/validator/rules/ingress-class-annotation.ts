import type { Rule } from '../types.ts';
import { INGRESS } from './lib/ingress.ts';
import { finding, msg, obj, q, str } from './lib/util.ts';

const ANNOTATION = 'kubernetes.io/ingress.class';

/**
 * ValidateIngressCreate: the obsolete annotation may not disagree with spec.ingressClassName. Current sources
 * refuse only a different value; an equal value is accepted but redundant, so it gets a warning.
 */
export const ingressClassAnnotation: Rule = {
  id: 'ingress-class-annotation',
  severity: 'error',
  description: msg(
    `The obsolete ${ANNOTATION} annotation must not be combined with a different spec.ingressClassName (rejected); with the same value it is redundant (warning). Use spec.ingressClassName alone.`,
    `폐기된 ${ANNOTATION} 어노테이션을 값이 다른 spec.ingressClassName과 함께 쓸 수 없다(거부). 값이 같으면 중복이다(경고). spec.ingressClassName만 쓴다.`,
  ),
  appliesTo: INGRESS,
  check(resource) {
    const annotations = obj(obj(resource.object.metadata)?.annotations);
    const annotation = annotations?.[ANNOTATION];
    const className = str(obj(resource.object.spec)?.ingressClassName);
    if (annotation === undefined || annotation === null || className === undefined) return [];
    const path = ['metadata', 'annotations', ANNOTATION];
    if (annotation !== className) {
      return [finding(path, msg(
        `The obsolete ${ANNOTATION} annotation (${q(annotation)}) conflicts with spec.ingressClassName (${q(className)}); the API server rejects the Ingress. Remove the annotation.`,
        `폐기된 ${ANNOTATION} 어노테이션(${q(annotation)})이 spec.ingressClassName(${q(className)})과 충돌해 API 서버가 Ingress를 거부한다. 어노테이션을 지워야 한다.`,
      ), { at: 'key' })];
    }
    return [finding(path, msg(
      `The obsolete ${ANNOTATION} annotation repeats spec.ingressClassName; remove it.`,
      `폐기된 ${ANNOTATION} 어노테이션이 spec.ingressClassName과 같은 값을 반복한다; 지워야 한다.`,
    ), { at: 'key', severity: 'warning' })];
  },
};
