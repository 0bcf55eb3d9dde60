import type { Rule, RuleFinding } from '../types.ts';
import { metadataBlocks } from './lib/metadata.ts';
import { qualifiedName } from './lib/names.ts';
import { entries, finding, msg, q, josa } from './lib/util.ts';

/** TotalAnnotationSizeLimitB in k8s.io/apimachinery/pkg/api/validation/objectmeta.go. */
const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;
const encoder = new TextEncoder();

function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

export const metadataAnnotations: Rule = {
  id: 'metadata-annotations',
  severity: 'error',
  description: msg(
    'Annotation keys must be qualified names (an optional DNS subdomain prefix and "/", then at most 63 characters), and all annotations together must not exceed 256 KiB.',
    '어노테이션 키는 한정된 이름(선택적 DNS 서브도메인 접두사와 "/", 그 뒤 63자 이하)이어야 하고, 어노테이션 전체 크기는 256KiB를 넘을 수 없다.',
  ),
  check(resource) {
    const out: RuleFinding[] = [];
    for (const block of metadataBlocks(resource)) {
      let total = 0;
      for (const [key, value] of entries(block.metadata.annotations)) {
        total += utf8Length(key) + (typeof value === 'string' ? utf8Length(value) : 0);
        const problem = qualifiedName(key.toLowerCase());
        if (problem) {
          out.push(finding([...block.path, 'annotations', key], msg(`Annotation key ${q(key)} is invalid: ${problem.en}.`, `어노테이션 키 ${josa(q(key), '이/가')} 올바르지 않다: ${problem.ko}.`), { at: 'key' }));
        }
      }
      if (total > TOTAL_ANNOTATION_SIZE_LIMIT) {
        out.push(finding([...block.path, 'annotations'], msg(
          `The annotations total ${total} bytes; the limit is ${TOTAL_ANNOTATION_SIZE_LIMIT} bytes (256 KiB).`,
          `어노테이션 전체가 ${total}바이트다; 한도는 ${TOTAL_ANNOTATION_SIZE_LIMIT}바이트(256KiB)다.`,
        ), { at: 'key' }));
      }
    }
    return out;
  },
};
