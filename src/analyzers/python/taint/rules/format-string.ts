import { taintRule } from './taint-rule.js';

export const formatString = taintRule(
  {
  id: 'py.taint.format-string',
  title: "Untrusted text used as a str.format template",
  severity: 'medium',
  cwe: ["CWE-134"],
  what: "Follows ingested data into the text str.format() or format_map() is called on, when objects are passed to it.",
  why: "A format field reads attributes and items of the arguments: {cfg.__init__.__globals__[API_KEY]} in a message template taken from a record or a queue prints the job's secrets into the output it builds.",
  remediation: "Keep templates in the code or in files you ship; to let data choose a template, pick it from a fixed set, or use string.Template, whose fields name values, not attributes.",
  bad: [
    {
      file: "jobs/notify.py",
      code: "import json\nfrom kafka import KafkaConsumer\n\nfor msg in KafkaConsumer(\"alerts\"):\n    alert = json.loads(msg.value)\n    text = alert[\"template\"].format(alert=alert)\n",
    },
  ],
  good: [
    {
      file: "jobs/notify.py",
      code: "import json\nfrom kafka import KafkaConsumer\n\nfor msg in KafkaConsumer(\"alerts\"):\n    alert = json.loads(msg.value)\n    text = \"Alert {name}: {level}\".format(name=alert[\"name\"], level=alert[\"level\"])\n",
    },
  ],
  references: ["https://cwe.mitre.org/data/definitions/134.html", "https://docs.python.org/3/library/string.html#format-string-syntax"],
  },
  'format-string',
  [],
);
