import { taintRule } from './taint-rule.js';

export const xxe = taintRule(
  {
  id: 'py.taint.xxe',
  title: "Untrusted XML parsed with entity expansion",
  severity: 'high',
  cwe: ["CWE-611"],
  what: "Follows ingested data into xml.etree, xml.dom, xml.sax and lxml parsers.",
  why: "XML from feeds and uploads can declare external entities that read local files or expand to gigabytes.",
  remediation: "Parse with defusedxml (defusedxml.ElementTree.fromstring) or lxml with resolve_entities=False.",
  bad: [
    {
      file: "jobs/feed.py",
      code: "import requests\nimport xml.etree.ElementTree as ET\n\nbody = requests.get(\"https://feed.example.com/items.xml\", timeout=10).text\nroot = ET.fromstring(body)\n",
    },
  ],
  good: [
    {
      file: "jobs/feed.py",
      code: "import requests\nimport defusedxml.ElementTree as ET\n\nbody = requests.get(\"https://feed.example.com/items.xml\", timeout=10).text\nroot = ET.fromstring(body)\n",
    },
  ],
  bandit: ['B313', 'B314', 'B315', 'B316', 'B317', 'B318', 'B319', 'B320'],
  references: ["https://cwe.mitre.org/data/definitions/611.html"],
  },
  'xxe',
  ['py.xml.unsafe-parser'],
);
