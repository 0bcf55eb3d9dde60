// Opt-outs for one resource, each naming the rule (or group) and giving a reason:
//   metadata.annotations:  ignore-rule.k8s-validate.io/<rule-id>: "<reason>"      (kube-linter's ignore-check.kube-linter.io/<check>)
//   a YAML comment:        # k8s-validate-ignore <rule-id>[,<rule-id>...] -- <reason>
// A comment applies to the resource of the YAML document it is written in (in a `kind: List`, to the item it is
// in, or to every item when it sits above them). An opted-out finding is not a problem: it is kept on its
// resource as `ignored`, with the reason, counted in the summary and listed with -verbose. A malformed opt-out is an
// error at its line; one that silences nothing is a warning.
import { diagnostic, type LocalizedDiagnostic, type Locator } from './check.ts';
import { msg, type Localized } from './messages.ts';
import { splitDocuments } from './parse.ts';
import { covers, coversCrossRule, coversEnabledRule, unknownRuleMessage } from './rule-control.ts';
import type { RuleHit } from './rules-adapter.ts';
import type { SourceSnippet } from './sources.ts';
import type { IgnoredDiagnostic, Lang, Position, Resource, ResourceResult } from './types.ts';

export const OPT_OUT_ANNOTATION = 'ignore-rule.k8s-validate.io/';
export const OPT_OUT_COMMENT = 'k8s-validate-ignore';
const ANNOTATION_EXAMPLE = `"${OPT_OUT_ANNOTATION}<rule-id>: <reason>"`;
const COMMENT_EXAMPLE = `"# ${OPT_OUT_COMMENT} <rule-id> -- <reason>"`;

/** One rule (or group) a resource opts out of, and where that is written (file position). */
export interface OptOut extends Position {
  rule: string;
  reason: string;
  via: 'annotation' | 'comment';
}

/** What the opt-out pass needs of a resource on its way through the pipeline. */
export interface OptOutTarget {
  result: ResourceResult;
  resource?: Resource;
  locator: Locator;
  place?: { snippet: number; chunk: number };
  optOuts?: OptOut[];
}

interface Found {
  optOuts: OptOut[];
  problems: Array<Position & { messages: Localized }>;
}

/** Cheap test run on every file first: most files mention neither form, and then nothing else is done. */
function mentions(text: string): boolean {
  return text.includes('k8s-validate');
}

function annotationOptOuts(object: Record<string, unknown>, locator: Locator): Found {
  const found: Found = { optOuts: [], problems: [] };
  const metadata = object.metadata as Record<string, unknown> | undefined;
  const annotations = metadata && typeof metadata === 'object' ? (metadata.annotations as Record<string, unknown> | undefined) : undefined;
  if (!annotations || typeof annotations !== 'object') return found;
  for (const [key, value] of Object.entries(annotations)) {
    const slash = key.indexOf('/');
    if (slash === -1 || !key.slice(0, slash).endsWith('k8s-validate.io')) continue;
    const at = (where: 'key' | 'value') => locator(['metadata', 'annotations', key], where);
    if (!key.startsWith(OPT_OUT_ANNOTATION)) {
      found.problems.push({ ...at('key'), messages: msg.optOutUnknownAnnotation(key, ANNOTATION_EXAMPLE) });
      continue;
    }
    const rule = key.slice(OPT_OUT_ANNOTATION.length);
    const reason = typeof value === 'string' ? value.trim() : '';
    const problem = ruleProblem(rule, reason, ANNOTATION_EXAMPLE);
    if (problem) found.problems.push({ ...at(problem.at === 'rule' ? 'key' : 'value'), messages: problem.messages });
    else found.optOuts.push({ ...at('key'), rule, reason, via: 'annotation' });
  }
  return found;
}

function ruleProblem(rule: string, reason: string, example: string): { at: 'rule' | 'reason'; messages: Localized } | undefined {
  if (!rule) return { at: 'rule', messages: msg.optOutNoRule(example) };
  const unknown = unknownRuleMessage(rule);
  if (unknown) return { at: 'rule', messages: unknown };
  if (!reason) return { at: 'reason', messages: msg.optOutNoReason(rule, example) };
  return undefined;
}

// A comment starts a line or follows a blank; `k8s-validate-…` words other than the opt-out are refused, so a typo
// (`k8s-validate-ignored`) does not silently ignore nothing.
const COMMENT = /(^|[ \t])#[ \t]*(k8s-validate-[\w-]*)(.*)$/;

interface CommentOptOut extends Found, Position {
  /** Where its `#` is (in the snippet text), and its text (to tell it from a `#` inside a block scalar). */
  body: string;
}

function commentOptOuts(text: string): CommentOptOut[] {
  const out: CommentOptOut[] = [];
  for (const [index, line] of text.split(/\r\n?|\n/).entries()) {
    if (!line.includes('k8s-validate-')) continue;
    const match = COMMENT.exec(line);
    if (!match) continue;
    const hash = match.index + match[1].length;
    const found: CommentOptOut = { line: index + 1, col: hash + 1, body: line.slice(hash), optOuts: [], problems: [] };
    out.push(found);
    const where = (col: number) => ({ line: index + 1, col: col + 1 });
    if (match[2] !== OPT_OUT_COMMENT) {
      found.problems.push({ ...where(line.indexOf(match[2], hash)), messages: msg.optOutUnknownComment(match[2], COMMENT_EXAMPLE) });
      continue;
    }
    const rest = match[3];
    const dashes = /(^|\s)--(\s|$)/.exec(rest);
    const names = (dashes ? rest.slice(0, dashes.index) : rest).split(/[\s,]+/).filter(Boolean);
    const reason = dashes ? rest.slice(dashes.index + dashes[0].length).trim() : '';
    const restStart = line.length - rest.length;
    if (names.length === 0) found.problems.push({ ...where(hash), messages: msg.optOutNoRule(COMMENT_EXAMPLE) });
    for (const rule of names) {
      const problem = ruleProblem(rule, reason, COMMENT_EXAMPLE);
      const col = line.indexOf(rule, restStart);
      if (problem) found.problems.push({ ...where(problem.at === 'rule' ? col : hash), messages: problem.messages });
      else found.optOuts.push({ ...where(col), rule, reason, via: 'comment' });
    }
  }
  return out;
}

/** The last of `targets` (in file order) that starts at or above `line` (binary search: a List may have many items). */
function lastStartingBy(targets: OptOutTarget[], line: number): OptOutTarget | undefined {
  let low = 0;
  let high = targets.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (targets[middle]!.result.line <= line) low = middle + 1;
    else high = middle;
  }
  return targets[low - 1];
}

/** Whether `body` is text inside one of the resource's strings (a `#` line in a block scalar), not a comment. */
function insideString(object: unknown, body: string): boolean {
  return JSON.stringify(object).includes(JSON.stringify(body).slice(1, -1));
}

/**
 * Reads the opt-outs of a file's resources into `target.optOuts`; a malformed opt-out is an error on its resource
 * (or on the file, for a comment in no resource).
 */
export function collectOptOuts(file: string, snippets: SourceSnippet[], targets: OptOutTarget[], fileDiagnostics: LocalizedDiagnostic[], lang: Lang): void {
  const report = (target: OptOutTarget | undefined, problem: Position & { messages: Localized }) => {
    const d = diagnostic(file, problem, 'error', 'opt-out', problem.messages, lang);
    if (!target) return fileDiagnostics.push(d);
    target.result.diagnostics.push(d);
    if (target.result.status === 'valid') target.result.status = 'invalid';
  };
  const add = (target: OptOutTarget, optOuts: OptOut[]) => {
    if (optOuts.length > 0) (target.optOuts ??= []).push(...optOuts);
  };
  for (const [index, snippet] of snippets.entries()) {
    if (!mentions(snippet.text)) continue;
    const toFile = (p: Position) => ({ line: p.line + snippet.lineOffset, col: p.col + snippet.colOffset });
    const inSnippet = targets.filter((t) => t.place?.snippet === index);
    for (const target of inSnippet) {
      if (!target.resource) continue;
      const found = annotationOptOuts(target.resource.object, target.locator);
      add(target, found.optOuts);
      for (const problem of found.problems) report(target, problem);
    }
    const comments = commentOptOuts(snippet.text);
    if (comments.length === 0) continue;
    const chunkStarts = splitDocuments(snippet.text).map((chunk) => chunk.startLine + 1);
    const byChunk = new Map<number, OptOutTarget[]>();
    for (const target of inSnippet) {
      const chunk = target.place!.chunk;
      if (!byChunk.has(chunk)) byChunk.set(chunk, []);
      byChunk.get(chunk)!.push(target);
    }
    let chunk = 0;
    for (const comment of comments) {
      // Comments come in line order: the chunk a comment is in only moves forward.
      while (chunk + 1 < chunkStarts.length && chunkStarts[chunk + 1]! <= comment.line) chunk++;
      const inChunk = byChunk.get(chunk) ?? [];
      // The item the comment is in (the last one starting at or above it), or every item when it is above them all.
      const last = lastStartingBy(inChunk, comment.line + snippet.lineOffset);
      if (last?.resource && insideString(last.resource.object, comment.body)) continue;
      const applies = last ? [last] : inChunk;
      for (const problem of comment.problems) report(applies[0], { ...problem, ...toFile(problem) });
      if (applies.length === 0 && comment.optOuts.length > 0) report(undefined, { ...toFile(comment), messages: msg.optOutNoResource() });
      for (const target of applies) add(target, comment.optOuts.map((o) => ({ ...o, ...toFile(o) })));
    }
  }
}

/**
 * An opt-out that silenced nothing on the resources it applies to (and the rules did run on them) is a warning at
 * the opt-out, so stale ones do not pile up (as ESLint's unused disable directives). Opt-outs of rules that are
 * turned off, or that cover a cross-resource rule (whose findings come later, in the run-wide pass), are left alone.
 */
export function reportUnusedOptOuts(targets: OptOutTarget[], enabled: (rule: string) => boolean, lang: Lang): void {
  const uses = new Map<string, { optOut: OptOut; targets: OptOutTarget[] }>();
  for (const target of targets) {
    if (!target.resource) continue;
    for (const optOut of target.optOuts ?? []) {
      const key = `${optOut.via} ${optOut.line}:${optOut.col} ${optOut.rule}`;
      if (!uses.has(key)) uses.set(key, { optOut, targets: [] });
      uses.get(key)!.targets.push(target);
    }
  }
  for (const { optOut, targets: applying } of uses.values()) {
    if (coversCrossRule(optOut.rule) || !coversEnabledRule(optOut.rule, enabled)) continue;
    const used = applying.some((t) => t.result.ignored?.some((d) => d.optOut.via === optOut.via && d.optOut.line === optOut.line && d.optOut.col === optOut.col));
    if (used) continue;
    const first = applying[0]!;
    first.result.diagnostics.push(diagnostic(first.result.file, optOut, 'warning', 'opt-out-unused', msg.optOutUnused(optOut.rule), lang));
  }
}

/** The opt-out covering a rule finding, if any. */
export function optOutFor(optOuts: OptOut[] | undefined, hit: Pick<RuleHit, 'rule'>): OptOut | undefined {
  return optOuts?.find((o) => covers(o.rule, hit.rule));
}

/** Keeps an opted-out finding on its resource, with the reason and where the opt-out is written. */
export function recordIgnored(result: ResourceResult, finding: LocalizedDiagnostic, optOut: OptOut): void {
  const ignored: IgnoredDiagnostic & { messages: Localized } = { ...finding, reason: optOut.reason, optOut: { via: optOut.via, line: optOut.line, col: optOut.col } };
  (result.ignored ??= []).push(ignored);
}
