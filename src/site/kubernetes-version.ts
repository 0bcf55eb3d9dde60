// The Kubernetes version every example is validated against.
// TODO(site): read it from the validator's bundled version once branch `core` lands src/validator/index.ts.
export async function targetKubernetesVersion(): Promise<string> {
  return '1.36';
}
