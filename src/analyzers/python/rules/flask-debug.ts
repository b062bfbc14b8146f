import type { PythonRule } from '../python-rule.js';

export const flaskDebug: PythonRule = {
  id: 'py.flask.debug',
  title: 'Flask app run with debug=True',
  category: 'sast',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-489', 'CWE-94'],
  what: 'Finds Flask(...).run(debug=True) — the Werkzeug debugger on a served app.',
  why:
    'Feature services, labeling tools and pipeline dashboards are often small Flask apps. With debug on, any error ' +
    'page offers the Werkzeug console: an interactive Python shell in the service, guarded only by a PIN that can be ' +
    'derived from files an attacker may read.',
  remediation: 'Run without debug (FLASK_DEBUG unset) and behind a production server such as gunicorn; log errors instead.',
  bad: [
    {
      file: 'serve/app.py',
      code: 'from flask import Flask\n\napp = Flask(__name__)\n\n\nif __name__ == "__main__":\n    app.run(host="0.0.0.0", port=8080, debug=True)\n',
    },
  ],
  good: [
    {
      file: 'serve/app.py',
      code: 'import os\nfrom flask import Flask\n\napp = Flask(__name__)\n\n\nif __name__ == "__main__":\n    app.run(port=8080, debug=False)\n',
    },
  ],
  bandit: ['B201'],
  references: ['https://flask.palletsprojects.com/en/latest/debugging/', 'https://cwe.mitre.org/data/definitions/489.html'],
  onCall(call, ctx) {
    if (call.name !== 'flask.Flask().run') return;
    const debug = call.keywords.get('debug');
    if (debug && ctx.truthOf(debug) === true) ctx.report(call.node, { message: 'Flask app runs with debug=True, which exposes the Werkzeug debugger console' });
  },
};
