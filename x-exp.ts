import sparticuz from '@sparticuz/chromium';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './tests/e2e/chromium.ts';
const env = { ...process.env, LD_LIBRARY_PATH: '/tmp/fm-exp/stage/al2023/lib', FONTCONFIG_PATH: '/tmp/fm-exp/stage/fonts' };
const variants: Record<string, [string, string[]]> = {
  system: ['/usr/bin/chromium', CHROMIUM_ARGS],
  ours: ['/tmp/fm-exp/stage/chromium', CHROMIUM_ARGS],
  oursNoDisableGpu: ['/tmp/fm-exp/stage/chromium', CHROMIUM_ARGS.filter(a => a !== '--disable-gpu')],
  spart: ['/tmp/fm-exp/stage/chromium', [...sparticuz.args, ...CHROMIUM_ARGS.filter(a => a !== '--disable-gpu')]],
};
for (const [name, [exe, args]] of Object.entries(variants)) {
  const b = await chromium.launch({ executablePath: exe, args, env });
  const p = await b.newPage(); await p.setContent('<body style="background:#fc0"><h1 style="font-family:sans-serif">한국어 hello</h1></body>');
  const s = await p.screenshot({ path: `/tmp/fm-exp/shot-${name}.png` });
  console.log(name, s.length);
  await b.close();
}
