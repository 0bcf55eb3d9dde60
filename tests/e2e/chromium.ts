// How we find and start Chromium everywhere (browser tests, the site benchmark, screenshots). Nothing is downloaded;
// the browser is, in this order:
//   1. the file named by the environment variable CHROMIUM_PATH (or CHROME_PATH, which Lighthouse also reads);
//   2. a system Chromium or Chrome (Linux, macOS, Windows install paths);
//   3. the Chromium inside the devDependency @sparticuz/chromium (Linux x64 only: its npm package ships no arm64
//      build), unpacked once into
//      node_modules/.cache/. It ships its NSS libraries and one Latin font (Open Sans) but no CJK fonts: Korean text
//      renders as boxes in its screenshots, so no test may depend on glyph rendering.
// Whatever the browser, nothing is allowed to leave the machine (see CHROMIUM_ARGS).
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserServer, LaunchOptions } from 'playwright-core';
import { ROOT } from './site.ts';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Every host name except the loopback address fails to resolve: a stray request to the internet cannot succeed.
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

/** The environment variables naming a browser explicitly, in the order they are read. */
export const CHROMIUM_ENV_VARS = ['CHROMIUM_PATH', 'CHROME_PATH'] as const;

export type ChromiumSource = `env ${(typeof CHROMIUM_ENV_VARS)[number]}` | 'system' | '@sparticuz/chromium';

export interface FoundChromium {
  executablePath: string;
  source: ChromiumSource;
  /** Extra environment for the browser process (the bundled Chromium's libraries and fonts), if any. */
  env?: Record<string, string>;
}

/** Where each platform installs Chromium or Chrome; the first executable file wins. */
export function systemChromiumCandidates(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string[] {
  if (platform === 'darwin') {
    const apps = ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium'];
    return [...apps.map((app) => join('/Applications', app)), ...apps.map((app) => join(homedir(), 'Applications', app))];
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((root): root is string => Boolean(root));
    return roots.flatMap((root) => [join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'), join(root, 'Chromium', 'Application', 'chrome.exe')]);
  }
  return ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'].flatMap((name) => [join('/usr/bin', name), join('/usr/local/bin', name)]).concat('/snap/bin/chromium');
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, process.platform === 'win32' ? constants.R_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const BUNDLED_PLATFORMS = new Set(['linux x64']);

/** What to do when there is no browser at all, per platform: one command or download that fixes it. */
export function missingChromiumMessage(platform: NodeJS.Platform = process.platform, arch: string = process.arch): string {
  const explicit = `or set CHROMIUM_PATH to a Chromium or Chrome executable`;
  const checked = `Looked for ${CHROMIUM_ENV_VARS.join(' / ')}, then ${systemChromiumCandidates(platform).join(', ')}`;
  if (platform === 'darwin') {
    return `No Chromium or Chrome found. ${checked}. Install Google Chrome (https://www.google.com/chrome/, or \`brew install --cask google-chrome\`), ${explicit}.`;
  }
  if (platform === 'win32') {
    return `No Chromium or Chrome found. ${checked}. Install Google Chrome (https://www.google.com/chrome/, or \`winget install Google.Chrome\`), ${explicit}.`;
  }
  if (!BUNDLED_PLATFORMS.has(`${platform} ${arch}`)) {
    return `No Chromium or Chrome found, and @sparticuz/chromium has no build for ${platform} ${arch} (x64 only). ${checked}. Install Chromium with your package manager (e.g. \`apt-get install chromium\`), ${explicit}.`;
  }
  return `No Chromium or Chrome found and @sparticuz/chromium is not installed (run \`npm ci\`). ${checked}. Alternatively install Chromium (e.g. \`apt-get install chromium\`), ${explicit}.`;
}

/** Finds the browser (see the top of this file). Throws with instructions when there is none; never skips. */
export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<FoundChromium> {
  for (const name of CHROMIUM_ENV_VARS) {
    const path = env[name];
    if (!path) continue;
    if (!isExecutableFile(path)) throw new Error(`${name}=${path}: no executable file there. Point ${name} at a Chromium or Chrome executable, or unset it to use the system's or the bundled one.`);
    return { executablePath: path, source: `env ${name}` };
  }
  const system = systemChromiumCandidates().find(isExecutableFile);
  if (system) return { executablePath: system, source: 'system' };
  if (BUNDLED_PLATFORMS.has(`${process.platform} ${process.arch}`) && bundledChromiumPackage()) return bundledChromium();
  throw new Error(missingChromiumMessage());
}

/** The executable path alone (for tools that start the browser themselves, like Lighthouse's chrome-launcher). */
export async function chromiumExecutable(): Promise<string> {
  return (await findChromium()).executablePath;
}

function launchOptions(found: FoundChromium, options: LaunchOptions): LaunchOptions {
  return {
    ...options,
    executablePath: found.executablePath,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
    env: found.env ? { ...process.env, ...found.env, ...options.env } : options.env,
  };
}

/** Starts the browser found by findChromium() with CHROMIUM_ARGS (plus any `options.args`). */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch(launchOptions(await findChromium(), options));
}

/** Like launchChromium(), as a server that test files connect to over its wsEndpoint(). */
export async function launchChromiumServer(options: LaunchOptions = {}): Promise<BrowserServer & { found: FoundChromium }> {
  const found = await findChromium();
  return Object.assign(await chromium.launchServer(launchOptions(found, options)), { found });
}

// ---- the bundled Chromium (@sparticuz/chromium) ---------------------------------------------------------------------

const require = createRequire(import.meta.url);

/** The package's folder, or undefined when it is not installed (its exports hide package.json from require). */
function bundledChromiumPackage(): string | undefined {
  try {
    return join(dirname(require.resolve('@sparticuz/chromium')), '..');
  } catch {
    return undefined;
  }
}

/**
 * Unpacks @sparticuz/chromium once per version into node_modules/.cache/ (not the shared /tmp the package uses by
 * default, where a half-written file left by another checkout or an interrupted run would be taken as ready). The
 * package unpacks into os.tmpdir(), so a child process does it with TMPDIR pointing at a fresh folder, which is then
 * renamed into place: the folder either is complete or does not exist.
 */
export function bundledChromium(): FoundChromium {
  const pkg = bundledChromiumPackage();
  if (!pkg) throw new Error(missingChromiumMessage());
  const { version } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version: string };
  const dir = join(ROOT, 'node_modules', '.cache', `sparticuz-chromium-${version}`);
  if (!existsSync(join(dir, 'chromium'))) {
    const staging = `${dir}.partial-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    const unpack = `import c, { inflate } from '@sparticuz/chromium';
      await c.executablePath(); await inflate(${JSON.stringify(join(pkg, 'bin', 'al2023.tar.br'))});`;
    try {
      execFileSync(process.execPath, ['--input-type=module', '-e', unpack], { cwd: ROOT, env: { ...process.env, TMPDIR: staging }, stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      throw new Error(`Could not unpack @sparticuz/chromium into ${staging}: ${(error as { stderr?: Buffer }).stderr?.toString().trim() || error}`);
    }
    // Its fonts.conf names Lambda's folders; ours names the unpacked font and keeps the system's fonts (CJK if any).
    writeFileSync(
      join(staging, 'fonts.conf'),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
        `  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n  <dir>${join(dir, 'fonts', 'fonts')}</dir>\n` +
        `  <cachedir>${join(dir, 'fonts-cache')}</cachedir>\n</fontconfig>\n`,
    );
    mkdirSync(dirname(dir), { recursive: true });
    try {
      renameSync(staging, dir);
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      // Another process unpacked the same version at the same time: use its copy.
      if (!existsSync(join(dir, 'chromium'))) throw error;
    }
  }
  return {
    executablePath: join(dir, 'chromium'),
    source: '@sparticuz/chromium',
    // Its NSS libraries (a fresh machine has none) and fonts.
    env: { LD_LIBRARY_PATH: [join(dir, 'al2023', 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'), FONTCONFIG_FILE: join(dir, 'fonts.conf') },
  };
}
