// Stage 5: report. One function turns a ValidationReport into any of the output formats.
import type { ValidationReport } from '../types.ts';
import type { FormatOptions } from './common.ts';
import { formatGithub } from './github.ts';
import { formatJson } from './json.ts';
import { formatJunit } from './junit.ts';
import { formatPretty } from './pretty.ts';
import { formatTap } from './tap.ts';
import { formatText } from './text.ts';

export const OUTPUT_FORMATS = ['text', 'json', 'junit', 'tap', 'pretty', 'github'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
export type { FormatOptions };

export function formatReport(report: ValidationReport, format: OutputFormat = 'text', options: FormatOptions & { timeSeconds?: number } = {}): string {
  switch (format) {
    case 'json': return formatJson(report, options);
    case 'junit': return formatJunit(report, options);
    case 'tap': return formatTap(report, options);
    case 'pretty': return formatPretty(report, options);
    case 'github': return formatGithub(report, options);
    case 'text': return formatText(report, options);
    default: throw new Error(`unknown output format "${String(format)}" (known: ${OUTPUT_FORMATS.join(', ')})`);
  }
}
