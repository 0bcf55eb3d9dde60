import type { Rule, RuleFinding } from '../types.ts';
import { containersOf, INIT_AND_APP_CONTAINERS, POD_TEMPLATE_KINDS, podTemplates } from './lib/pod-templates.ts';
import { finding, msg, q, str, josa } from './lib/util.ts';

/** The tag of an image reference ("" when none), ignoring a registry port ("host:5000/app"). */
export function imageTag(image: string): { tag: string; digest: boolean } {
  const digest = image.includes('@');
  const withoutDigest = image.split('@')[0]!;
  const lastSlash = withoutDigest.lastIndexOf('/');
  const lastColon = withoutDigest.lastIndexOf(':');
  return { tag: lastColon > lastSlash ? withoutDigest.slice(lastColon + 1) : '', digest };
}

export const bestPracticeImageTag: Rule = {
  id: 'best-practice-image-tag',
  severity: 'warning',
  description: msg(
    'Best practice (not an API error): pin container images to a version tag or digest; no tag or :latest makes what runs change over time.',
    '모범 사례(API 오류 아님): 컨테이너 이미지는 버전 태그나 다이제스트로 고정한다. 태그가 없거나 :latest이면 실행되는 내용이 시간에 따라 바뀐다.',
  ),
  appliesTo: POD_TEMPLATE_KINDS,
  check(resource) {
    const out: RuleFinding[] = [];
    for (const pod of podTemplates(resource)) {
      for (const c of containersOf(pod, INIT_AND_APP_CONTAINERS)) {
        const image = str(c.container.image);
        if (!image) continue;
        const { tag, digest } = imageTag(image);
        if (digest) continue;
        if (tag === '') {
          out.push(finding([...c.path, 'image'], msg(
            `Image ${q(image)} has no tag, so it means :latest and can change under you; pin a version (e.g. ${image}:1.2.3).`,
            `이미지 ${q(image)}에 태그가 없어 :latest를 뜻하며 모르는 사이에 바뀔 수 있다; 버전을 고정해야 한다 (예: ${image}:1.2.3).`,
          )));
        } else if (tag === 'latest') {
          out.push(finding([...c.path, 'image'], msg(
            `Image ${q(image)} uses :latest, which can change under you; pin a version tag or digest.`,
            `이미지 ${josa(q(image), '이/가')} :latest를 써서 모르는 사이에 바뀔 수 있다; 버전 태그나 다이제스트로 고정해야 한다.`,
          )));
        }
      }
    }
    return out;
  },
};
