// Each chapter's "Run it" minimum version is checked against the versions that accept its examples.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acceptingVersions, checkVersionClaims, claimedMinimum, minimumVersion } from '../../src/site/version-claims.ts';

const root = resolve(import.meta.dirname, '../..');

describe('"Run it" version claims', () => {
  it('reads the claim in both languages, only inside "Run it"', () => {
    expect(claimedMinimum('Kubernetes 1.20 elsewhere\n## Run it\n\nYou need a cluster running Kubernetes 1.31 or later.\n## Next\nKubernetes 1.36')).toEqual({ version: '1.31', line: 4 });
    expect(claimedMinimum('## 직접 실행하기\n\n쿠버네티스 1.33 이상을 실행하는 로컬 클러스터')?.version).toBe('1.33');
    expect(claimedMinimum('## Problem\nKubernetes 1.30')).toBeUndefined();
  });

  it('computes the versions that accept an example and the minimum that every newer version accepts', async () => {
    const text = 'apiVersion: resource.k8s.io/v1\nkind: DeviceClass\nmetadata:\n  name: gpu\nspec: {}\n';
    expect(await acceptingVersions(text, 'test/device-class.yaml')).toEqual(['1.34', '1.35', '1.36']);
    expect(minimumVersion(['1.34', '1.35', '1.36'])).toBe('1.34');
    expect(minimumVersion(['1.30', '1.31', '1.36'])).toBe('1.36');
    expect(minimumVersion(['1.30', '1.31'])).toBeUndefined();
  });

  it('fails a page that claims less than an example needs', async () => {
    const { mkdtemp, mkdir, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(`${tmpdir()}/claims-`);
    await mkdir(`${dir}/content/en`, { recursive: true });
    await mkdir(`${dir}/content/ko`, { recursive: true });
    await mkdir(`${dir}/examples/x`, { recursive: true });
    await writeFile(`${dir}/examples/x/device-class.yaml`, 'apiVersion: resource.k8s.io/v1\nkind: DeviceClass\nmetadata:\n  name: gpu\nspec: {}\n');
    await writeFile(`${dir}/content/en/x.mdx`, '<Manifest file="x/device-class.yaml" />\n\n## Run it\n\nYou need Kubernetes 1.31 or later.\n');
    await writeFile(`${dir}/content/ko/x.mdx`, '<Manifest file="x/device-class.yaml" />\n\n## 직접 실행하기\n\n쿠버네티스 1.34 이상이 필요하다.\n');
    expect(await checkVersionClaims(dir)).toEqual([
      'content/en/x.mdx:5: "Run it" says Kubernetes 1.31, but examples/x/device-class.yaml is accepted only by 1.34–1.36: claim 1.34 or later',
    ]);
    // A YAML block in the page counts too.
    await writeFile(`${dir}/content/ko/x.mdx`, '## 직접 실행하기\n\n쿠버네티스 1.30 이상이 필요하다.\n\n```yaml\napiVersion: networking.k8s.io/v1\nkind: ServiceCIDR\nmetadata:\n  name: extra\nspec:\n  cidrs: ["10.96.0.0/16"]\n```\n');
    expect(await checkVersionClaims(dir)).toEqual([
      'content/en/x.mdx:5: "Run it" says Kubernetes 1.31, but examples/x/device-class.yaml is accepted only by 1.34–1.36: claim 1.34 or later',
      'content/ko/x.mdx:3: "Run it" says Kubernetes 1.30, but its YAML blocks are accepted only by 1.33–1.36: claim 1.33 or later',
    ]);
    await rm(dir, { recursive: true, force: true });
  });

  it('no page claims less than its examples need', async () => {
    expect(await checkVersionClaims(root)).toEqual([]);
  });
});
