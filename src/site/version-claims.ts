// Which Kubernetes versions accept each example (the "Accepted by Kubernetes 1.3x–1.36" line under every <Manifest>),
// and whether each chapter's "Run it" section claims a minimum version its examples really work on. The build gate
// fails when a page claims less than its examples need (tests/site/version-claims.test.ts checks every page too).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BUNDLED_KUBERNETES_VERSIONS, formatVersionRanges, validateSourceAcrossVersions } from './validator.ts';
import { EXAMPLES_DIR } from './examples.ts';

const accepted = new Map<string, Promise<string[]>>();

/** The bundled versions that accept every resource of an example (strict, as the build gate checks), oldest first. */
export function acceptingVersions(text: string, file: string): Promise<string[]> {
  const key = `${file}\u0000${text}`;
  let versions = accepted.get(key);
  if (!versions) {
    versions = validateSourceAcrossVersions(text, `${EXAMPLES_DIR}/${file}`).then((matrix) =>
      matrix.fileDiagnostics.some((d) => d.severity === 'error')
        ? []
        : matrix.kubernetesVersions.filter((version) => matrix.resources.every((r) => r.acceptedBy.includes(version))));
    accepted.set(key, versions);
  }
  return versions;
}

/** '1.31–1.36' for the Manifest line. */
export function acceptedRange(versions: readonly string[]): string {
  return formatVersionRanges(versions);
}

/** The oldest version from which every newer bundled version accepts it; undefined if the newest does not. */
export function minimumVersion(versions: readonly string[]): string | undefined {
  let minimum: string | undefined;
  for (const version of [...BUNDLED_KUBERNETES_VERSIONS].reverse()) {
    if (!versions.includes(version)) break;
    minimum = version;
  }
  return minimum;
}

const RUN_IT_HEADINGS = /^## (Run it|직접 실행하기)\s*$/m;
const VERSION = /(?:Kubernetes|쿠버네티스) (\d+)\.(\d+)/;

/** The minimum version a page's "Run it" section states ("running Kubernetes 1.31 or later", "쿠버네티스 1.31 이상"), with its line. */
export function claimedMinimum(page: string): { version: string; line: number } | undefined {
  const heading = RUN_IT_HEADINGS.exec(page);
  if (!heading) return undefined;
  const rest = page.slice(heading.index + heading[0].length);
  const section = rest.slice(0, rest.search(/^## /m) === -1 ? undefined : rest.search(/^## /m));
  const match = VERSION.exec(section);
  if (!match) return undefined;
  const offset = heading.index + heading[0].length + match.index;
  return { version: `${match[1]}.${match[2]}`, line: page.slice(0, offset).split('\n').length };
}

const minor = (version: string) => Number(version.split('.')[1]);

/** One `file:line: message` per page whose "Run it" claims a lower minimum than one of its examples needs. */
export async function checkVersionClaims(root: string): Promise<string[]> {
  const problems: string[] = [];
  for (const lang of ['en', 'ko']) {
    const dir = join(root, 'content', lang);
    for (const name of (await readdir(dir)).filter((n) => n.endsWith('.mdx')).sort()) {
      const page = await readFile(join(dir, name), 'utf8');
      const claim = claimedMinimum(page);
      if (!claim) continue;
      for (const [, file] of page.matchAll(/<Manifest\s+file="([^"]+)"/g)) {
        const versions = await acceptingVersions(await readFile(join(root, EXAMPLES_DIR, file), 'utf8'), file);
        const needed = minimumVersion(versions);
        // Below the oldest bundled version nothing can be checked: a claim of 1.25 stands if 1.30 accepts the example.
        if (needed && needed !== BUNDLED_KUBERNETES_VERSIONS[0] && minor(claim.version) < minor(needed)) {
          problems.push(`content/${lang}/${name}:${claim.line}: "Run it" says Kubernetes ${claim.version}, but ${EXAMPLES_DIR}/${file} is accepted only by ${acceptedRange(versions)}: claim ${needed} or later`);
        }
      }
    }
  }
  return problems;
}
