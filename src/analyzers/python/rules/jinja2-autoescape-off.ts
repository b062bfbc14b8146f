import { calls } from '../call-site.js';
import type { PythonRule } from '../python-rule.js';

export const jinja2AutoescapeOff: PythonRule = {
  id: 'py.jinja2.autoescape-off',
  title: 'Jinja2 environment renders without HTML escaping',
  category: 'sast',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-79', 'CWE-116'],
  what:
    'Finds jinja2.Environment(...) created without autoescape, or with autoescape set to a false value (Bandit B701).',
  why:
    'Pipelines render HTML data-quality reports, emails and dashboards from ingested records. Without autoescaping, ' +
    'a record holding <script> runs in the browser of whoever opens the report — often someone with access to the ' +
    'warehouse.',
  remediation:
    'Pass autoescape=True, or autoescape=jinja2.select_autoescape(["html", "xml"]), and mark the few trusted ' +
    'fragments with markupsafe.Markup.',
  bad: [
    {
      file: 'reports/render.py',
      code:
        'import jinja2\n\n' +
        'env = jinja2.Environment(loader=jinja2.FileSystemLoader("templates"))\n' +
        'page = env.get_template("quality.html").render(rows=[])\n',
    },
    {
      file: 'reports/render.py',
      code: 'from jinja2 import Environment\n\nenv = Environment(autoescape=False)\n',
    },
  ],
  good: [
    {
      file: 'reports/render.py',
      code:
        'import jinja2\n\n' +
        'env = jinja2.Environment(\n' +
        '    loader=jinja2.FileSystemLoader("templates"),\n' +
        '    autoescape=jinja2.select_autoescape(["html", "xml"]),\n' +
        ')\n',
    },
  ],
  bandit: ['B701'],
  references: [
    'https://jinja.palletsprojects.com/en/stable/api/#autoescaping',
    'https://bandit.readthedocs.io/en/latest/plugins/b701_jinja2_autoescape_false.html',
  ],
  onCall(call, ctx) {
    if (!calls(call, ['jinja2.Environment', 'jinja2.environment.Environment'])) return;
    const flag = call.keywords.get('autoescape');
    if (!flag) {
      if (!call.hasSplat) ctx.report(call.node, { message: 'jinja2.Environment() without autoescape renders every value unescaped' });
      return;
    }
    if (ctx.truthOf(flag) === false) ctx.report(call.node, { message: `jinja2.Environment(autoescape=${flag.text}) renders every value unescaped` });
  },
};
