// CronJob spec.timeZone, checked like the API server's validateTimeZone (pkg/apis/batch/validation): every
// "/"-separated part must be 1-14 characters of [A-Za-z0-9._+-], not "." or "..", not starting with "-";
// "Local" is refused; then Go's time.LoadLocation must know the zone.
//
// Source of zone names: the IANA time zone database bundled with Node's ICU (Intl). `new Intl.DateTimeFormat`
// accepts every IANA zone and link (Etc/UTC, Asia/Seoul, America/Argentina/Buenos_Aires, US/Pacific...), but it
// is case-insensitive and also accepts offsets such as "+09:00", while Go's LoadLocation is case-sensitive and
// accepts names only. So: the character check above removes offsets, and a name that differs only in case from
// a canonical zone in Intl.supportedValuesOf('timeZone') is refused. Links (aliases) that are not canonical are
// accepted in any case that Intl accepts: the one known gap.
import { josa, msg, type Msg } from './util.ts';

const PART = /^[A-Za-z._+\-0-9]{1,14}$/;

let canonicalByLower: Map<string, string> | undefined;

function canonicalZones(): Map<string, string> {
  if (!canonicalByLower) {
    canonicalByLower = new Map();
    const names: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    for (const name of [...names, 'UTC', 'Etc/UTC', 'GMT', 'Etc/GMT']) canonicalByLower.set(name.toLowerCase(), name);
  }
  return canonicalByLower;
}

const known = new Map<string, boolean>();

function intlKnows(zone: string): boolean {
  let result = known.get(zone);
  if (result === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      result = true;
    } catch {
      result = false;
    }
    // Bounded: zone names come from manifests, and a run may see many distinct wrong ones.
    if (known.size < 10_000) known.set(zone, result);
  }
  return result;
}

/** Why the zone is refused, or null when the API server accepts it. */
export function timeZoneProblem(zone: string): Msg | null {
  const unknown = msg(
    `unknown time zone "${zone}": use an IANA zone name such as "Etc/UTC" or "Asia/Seoul"`,
    `${josa(`"${zone}"`, '은/는')} 알 수 없는 시간대다: "Etc/UTC"나 "Asia/Seoul" 같은 IANA 시간대 이름을 써야 한다`,
  );
  if (zone.length === 0) return msg('timeZone must be omitted or a non-empty zone name', 'timeZone은 생략하거나 비어 있지 않은 시간대 이름이어야 한다');
  for (const part of zone.split('/')) {
    if (part === '.' || part === '..' || part.startsWith('-') || !PART.test(part)) return unknown;
  }
  if (zone.toLowerCase() === 'local') {
    return msg(
      'timeZone must be an explicit IANA time zone, not "Local"',
      'timeZone은 "Local"이 아닌 명시적인 IANA 시간대여야 한다',
    );
  }
  if (!intlKnows(zone)) return unknown;
  const canonical = canonicalZones().get(zone.toLowerCase());
  if (canonical !== undefined && canonical !== zone) {
    return msg(
      `unknown time zone "${zone}": zone names are case-sensitive, write "${canonical}"`,
      `${josa(`"${zone}"`, '은/는')} 알 수 없는 시간대다: 시간대 이름은 대소문자를 구분하므로 ${josa(`"${canonical}"`, '으로/로')} 써야 한다`,
    );
  }
  return null;
}
