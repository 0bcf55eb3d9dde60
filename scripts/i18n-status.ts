// `npm run i18n:status`: which Korean/English page pairs are out of date, from git history.
// Usage: node scripts/i18n-status.ts [--format text|json|github] [--strict] [--content <folder>]
//   --strict exits 1 when a pair is outdated, missing a language or unknown (default: report only, exit 0).
import { parseArgs } from 'node:util';
import { formatStatus, STATUS_FORMATS, translationStatus, type StatusFormat } from '../src/site/translation-status.ts';

const USAGE = 'usage: npm run i18n:status -- [--format text|json|github] [--strict] [--content <folder>]';

function fail(message: string, code: number): never {
  process.stderr.write(`i18n-status: ${message}\n`);
  process.exit(code);
}

let values: { format?: string; strict?: boolean; content?: string; help?: boolean };
try {
  ({ values } = parseArgs({
    options: { format: { type: 'string', default: 'text' }, strict: { type: 'boolean' }, content: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: false,
  }));
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`, 2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!STATUS_FORMATS.includes(values.format as StatusFormat)) fail(`unknown format "${values.format}" (formats: ${STATUS_FORMATS.join(', ')})`, 2);

let status;
try {
  status = translationStatus({ content: values.content });
} catch (error) {
  fail((error as Error).message, 1);
}
// Without history there is nothing to report: an error, except as a GitHub annotation (a warning on the run).
if (!status.available && values.format !== 'github') fail(`translation status unavailable: ${status.reason}`, 1);
process.stdout.write(formatStatus(status, values.format as StatusFormat));
if (values.strict && status.pairs.some((pair) => pair.state !== 'up-to-date')) process.exit(1);
