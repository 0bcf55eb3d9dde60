import type { Rule, RuleFinding } from '../types.ts';
import { finding, msg, obj, q, josa } from './lib/util.ts';

const POD_MANAGEMENT = ['OrderedReady', 'Parallel'];
const RETENTION = ['Retain', 'Delete'];

/** podManagementPolicy and persistentVolumeClaimRetentionPolicy values. */
export const statefulsetPolicies: Rule = {
  id: 'statefulset-policies',
  severity: 'error',
  description: msg(
    'A StatefulSet podManagementPolicy must be OrderedReady or Parallel; persistentVolumeClaimRetentionPolicy whenDeleted and whenScaled must be Retain or Delete.',
    'StatefulSet의 podManagementPolicy는 OrderedReady나 Parallel이어야 하고, persistentVolumeClaimRetentionPolicy의 whenDeleted와 whenScaled는 Retain이나 Delete여야 한다.',
  ),
  appliesTo: ['apps/v1/StatefulSet'],
  check(resource) {
    const spec = obj(resource.object.spec);
    if (!spec) return [];
    const out: RuleFinding[] = [];
    const policy = spec.podManagementPolicy;
    if (typeof policy === 'string' && !POD_MANAGEMENT.includes(policy)) {
      out.push(finding(['spec', 'podManagementPolicy'], msg(
        `podManagementPolicy ${q(policy)} is not supported: use OrderedReady (the default) or Parallel.`,
        `podManagementPolicy ${josa(q(policy), '은/는')} 지원되지 않는다: OrderedReady(기본값)나 Parallel을 써야 한다.`,
      )));
    }
    const retention = obj(spec.persistentVolumeClaimRetentionPolicy);
    for (const field of ['whenDeleted', 'whenScaled']) {
      const value = retention?.[field];
      if (typeof value === 'string' && !RETENTION.includes(value)) {
        out.push(finding(['spec', 'persistentVolumeClaimRetentionPolicy', field], msg(
          `${field} ${q(value)} is not supported: use Retain (the default) or Delete.`,
          `${field} ${josa(q(value), '은/는')} 지원되지 않는다: Retain(기본값)이나 Delete를 써야 한다.`,
        )));
      }
    }
    return out;
  },
};
