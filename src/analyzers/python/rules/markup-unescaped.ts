import { argument, calls } from '../call-site.js';
import type { PythonRule } from '../python-rule.js';
import { reportDynamic } from './dynamic-value.js';

/** Calls that mark text as safe markup, which templates then insert without escaping. */
export const SAFE_MARKUP_CALLS = ['markupsafe.Markup', 'flask.Markup', 'jinja2.Markup', 'django.utils.safestring.mark_safe'];

export const markupUnescaped: PythonRule = {
  id: 'py.xss.markup-unescaped',
  title: 'Non-literal text marked as safe HTML (Markup, mark_safe)',
  category: 'sast',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-79'],
  what:
    'Finds markupsafe.Markup() (also as flask.Markup and jinja2.Markup) and Django mark_safe() given text that is not a ' +
    'literal: built by formatting (high confidence) or of unknown origin (medium).',
  why:
    'Marking text safe switches off the template’s escaping for it. Report pages and admin views of a pipeline build ' +
    'such text from table names, error messages and records; a value holding <script> then runs in the reader’s browser.',
  remediation:
    'Keep the markup literal and let the values escape: Markup("<b>{}</b>").format(value) or format_html() escape what ' +
    'they insert; or escape first with markupsafe.escape().',
  bad: [
    {
      file: 'web/status.py',
      code: 'from markupsafe import Markup\n\n\ndef badge(table: str, state: str) -> Markup:\n    return Markup(f"<span class=\\"{state}\\">{table}</span>")\n',
    },
  ],
  good: [
    {
      file: 'web/status.py',
      code: 'from markupsafe import Markup\n\n\ndef badge(table: str, state: str) -> Markup:\n    return Markup("<span class=\\"{}\\">{}</span>").format(state, table)\n',
    },
  ],
  bandit: ['B308', 'B703', 'B704'],
  references: ['https://markupsafe.palletsprojects.com/en/stable/escaping/', 'https://cwe.mitre.org/data/definitions/79.html'],
  onCall(call, ctx) {
    if (!calls(call, SAFE_MARKUP_CALLS)) return;
    const text = argument(call, 0, call.name === 'django.utils.safestring.mark_safe' ? 's' : 'base');
    if (text) reportDynamic(ctx, call, text, { message: (how) => `${call.name}() marks text ${how} as safe HTML, so templates insert it unescaped`, context: 'html' });
  },
};
