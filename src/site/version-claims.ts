// Which Kubernetes versions accept each example (the "Accepted by Kubernetes 1.3x–1.36" line under every <Manifest>),
// and whether each chapter's "Run it" section claims a minimum version its examples (embedded manifests and YAML
// blocks) really work on. The build gate fails when a page claims less than its examples need
// (tests/site/version-claims.test.ts checks every page too).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BUNDLED_KUBERNETES_VERSIONS, formatVersionRanges, validateSourceAcrossVersions } from './validator.ts';
import { EXAMPLES_DIR } from './examples.ts';

const accepted = new Map<string, Promise<string[]>>();

/** The bundled versions that accept every resource of an example (strict, as the build gate checks), oldest first. */
export function acceptingVersions(text: string, file: string): Promise<string[]> {
  return versionsAccepting(text, `${EXAMPLES_DIR}/${file}`);
}

/** The same for any source: a manifest, or a page's YAML blocks (`path` decides how it is read). */
function versionsAccepting(text: string, path: string): Promise<string[]> {
  const key = `${path}\u0000${text}`;
  let versions = accepted.get(key);
  if (!versions) {
    versions = validateSourceAcrossVersions(text, path).then((matrix) =>
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
  const next = rest.search(/^## /m);
  const section = next === -1 ? rest : rest.slice(0, next);
  const match = VERSION.exec(section);
  if (!match) return undefined;
  const offset = heading.index + heading[0].length + match.index;
  return { version: `${match[1]}.${match[2]}`, line: page.slice(0, offset).split('\n').length };
}

const minor = (version: string) => Number(version.split('.')[1]);

/** One `file:line: message` per page whose "Run it" claims a lower minimum than one of its manifests or its YAML blocks need. */
export async function checkVersionClaims(root: string): Promise<string[]> {
  const problems: string[] = [];
  for (const lang of ['en', 'ko']) {
    const dir = join(root, 'content', lang);
    for (const name of (await readdir(dir)).filter((n) => n.endsWith('.mdx')).sort()) {
      const page = await readFile(join(dir, name), 'utf8');
      const claim = claimedMinimum(page);
      if (!claim) continue;
      const pagePath = `content/${lang}/${name}`;
      const sources: Array<{ what: string; versions: Promise<string[]> }> = [{ what: `its YAML blocks`, versions: versionsAccepting(page, pagePath) }];
      for (const [, file] of page.matchAll(/<Manifest\s+file="([^"]+)"/g)) {
        sources.push({ what: `${EXAMPLES_DIR}/${file}`, versions: readFile(join(root, EXAMPLES_DIR, file), 'utf8').then((text) => acceptingVersions(text, file)) });
      }
      for (const { what, versions } of sources) {
        const accepting = await versions;
        const needed = minimumVersion(accepting);
        // Below the oldest bundled version nothing can be checked: a claim of 1.25 stands if 1.30 accepts the example.
        if (needed && needed !== BUNDLED_KUBERNETES_VERSIONS[0] && minor(claim.version) < minor(needed)) {
          problems.push(`${pagePath}:${claim.line}: "Run it" says Kubernetes ${claim.version}, but ${what} ${what.startsWith('its') ? 'are' : 'is'} accepted only by ${acceptedRange(accepting)}: claim ${needed} or later`);
        }
      }
    }
  }
  return problems;
}
