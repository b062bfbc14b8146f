import { calls } from '../call-site.js';
import type { PythonRule } from '../python-rule.js';

export const makoNoEscape: PythonRule = {
  id: 'py.mako.no-escape',
  title: 'Mako template renders without HTML escaping',
  category: 'sast',
  severity: 'medium',
  confidence: 'medium',
  cwe: ['CWE-79'],
  what:
    'Finds mako.template.Template and mako.lookup.TemplateLookup created without default_filters that include the ' +
    'html-escaping filter "h" (Bandit B702).',
  why:
    'Mako inserts values verbatim unless told otherwise, so report pages built from ingested data carry whatever ' +
    'markup and script the data holds to the people who read them.',
  remediation: 'Pass default_filters=["h"] (or ["str", "h"]) and escape explicitly with ${value | h} where needed.',
  bad: [
    {
      file: 'reports/mail.py',
      code: 'from mako.template import Template\n\nbody = Template(filename="templates/digest.html").render(rows=[])\n',
    },
  ],
  good: [
    {
      file: 'reports/mail.py',
      code:
        'from mako.template import Template\n\n' +
        'body = Template(filename="templates/digest.html", default_filters=["h"]).render(rows=[])\n',
    },
  ],
  bandit: ['B702'],
  references: ['https://docs.makotemplates.org/en/latest/filtering.html', 'https://bandit.readthedocs.io/en/latest/plugins/b702_use_of_mako_templates.html'],
  onCall(call, ctx) {
    if (!calls(call, ['mako.template.Template', 'mako.lookup.TemplateLookup'])) return;
    const filters = call.keywords.get('default_filters');
    if (!filters) {
      if (!call.hasSplat) ctx.report(call.node, { message: `${call.name}() without default_filters=["h"] inserts values unescaped` });
      return;
    }
    const escapes = filters.namedChildren.some((item) => ctx.constantOf(item) === 'h');
    if (filters.type === 'list' && !escapes) ctx.report(call.node, { message: `${call.name}() default_filters ${filters.text} leave out the html-escaping filter "h"` });
  },
};
