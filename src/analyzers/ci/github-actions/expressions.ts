/** One `${{ … }}` of a string, as written. */
export interface Expression {
  /** The whole `${{ … }}`, to find it again in the source. */
  raw: string;
  /** Every context property it reads, dot-separated and lower-cased, `[…]` indexes as `*` (`github.event.commits.*.message`). */
  references: string[];
}

const EXPRESSION = /\$\{\{([\s\S]*?)\}\}/g;
/** A context reference: a name followed by `.prop`, `.*`, `['prop']` or `[0]`; whitespace is allowed around the brackets and dots. */
const REFERENCE = /\b[A-Za-z_][\w-]*(?:\s*(?:\.\s*(?:[A-Za-z_][\w-]*|\*)|\[\s*(?:'[^']*'|"[^"]*"|\d+|\*)\s*\]))*/g;

export function expressionsIn(text: string): Expression[] {
  return [...text.matchAll(EXPRESSION)].map((m) => ({ raw: m[0], references: referencesIn(m[1]!) }));
}

function referencesIn(body: string): string[] {
  // String literals are data, not references: `format('{0}', github.head_ref)` reads only github.head_ref.
  // A literal in brackets is a property name (`github['head_ref']`) and stays.
  // Both kinds are matched in one pass so a closing quote is never taken for an opening one.
  const code = body.replace(/(\[\s*)?'(?:[^']|'')*'/g, (literal, bracket: string | undefined) => (bracket ? literal : "''"));
  return [...code.matchAll(REFERENCE)].map((m) => normalise(m[0])).filter((r) => r.includes('.'));
}

function normalise(reference: string): string {
  return reference
    .replace(/\s+/g, '')
    .replace(/\[(?:'([^']*)'|"([^"]*)")\]/g, (_m, a: string | undefined, b: string | undefined) => `.${a ?? b}`)
    .replace(/\[(?:\d+|\*)\]/g, '.*')
    .toLowerCase();
}

/** `reference` is `pattern`, where `*` in the pattern matches one index or name. */
function matches(reference: string, pattern: string): boolean {
  const r = reference.split('.');
  const p = pattern.split('.');
  return r.length === p.length && p.every((part, i) => part === '*' || part === r[i]);
}

/** Whether `reference` is an object that holds `pattern` (`toJSON(github.event.issue)` carries the title). */
function contains(reference: string, pattern: string): boolean {
  const r = reference.split('.');
  const p = pattern.split('.');
  // `github` and `github.event` themselves are objects holding everything; a bare `github` carries no event text when shown.
  return r.length >= 2 && r.length < p.length && r.every((part, i) => p[i] === '*' || p[i] === part);
}

/**
 * Event properties anyone who can open an issue, pull request, comment or push to a fork writes:
 * titles, bodies, branch names and commit metadata. Numbers, SHAs and ids are not listed.
 */
const OUTSIDER_CONTROLLED = [
  'github.event.issue.title',
  'github.event.issue.body',
  'github.event.pull_request.title',
  'github.event.pull_request.body',
  'github.event.pull_request.head.ref',
  'github.event.pull_request.head.label',
  'github.event.pull_request.head.repo.default_branch',
  'github.event.comment.body',
  'github.event.review.body',
  'github.event.review_comment.body',
  'github.event.pages.*.page_name',
  'github.event.commits.*.message',
  'github.event.commits.*.author.email',
  'github.event.commits.*.author.name',
  'github.event.head_commit.message',
  'github.event.head_commit.author.email',
  'github.event.head_commit.author.name',
  'github.event.discussion.title',
  'github.event.discussion.body',
  'github.head_ref',
  'github.event.workflow_run.head_branch',
  'github.event.workflow_run.display_title',
  'github.event.workflow_run.head_commit.message',
  'github.event.workflow_run.head_commit.author.email',
  'github.event.workflow_run.head_commit.author.name',
  'github.event.workflow_run.pull_requests.*.head.ref',
];

export type Taint = 'outsider' | 'input';

/** Who can write the value `reference` reads: anyone (`outsider`), a workflow's dispatcher or caller (`input`), or nobody outside (undefined). */
export function taintOf(reference: string): Taint | undefined {
  if (OUTSIDER_CONTROLLED.some((p) => matches(reference, p) || contains(reference, p))) return 'outsider';
  if (/^(inputs|github\.event\.inputs)\.[^.]+$/.test(reference)) return 'input';
  return undefined;
}

/** The inputs name an input reference reads (`inputs.env` and `github.event.inputs.env` read `env`). */
export function inputName(reference: string): string | undefined {
  return /^(?:inputs|github\.event\.inputs)\.([^.]+)$/.exec(reference)?.[1];
}
