import { argument, calls } from '../call-site.js';
import type { PythonRule } from '../python-rule.js';
import { XML_PARSE_CALLS } from '../xml-parsers.js';
import { reportDynamic } from './dynamic-value.js';

export const xmlUnsafeParser: PythonRule = {
  id: 'py.xml.unsafe-parser',
  title: 'XML parsed with a parser that expands entities',
  category: 'sast',
  severity: 'medium',
  confidence: 'medium',
  cwe: ['CWE-611', 'CWE-776'],
  what:
    'Finds xml.etree, xml.dom.minidom/pulldom, xml.sax and lxml.etree parsing calls whose input is not a literal ' +
    '(Bandit B313–B320). Where the input is traced to an ingestion point, py.taint.xxe reports it instead.',
  why:
    'Vendor feeds, SOAP exports and uploaded XML are parsed by these functions with entity expansion on: a ' +
    '"billion laughs" document exhausts the worker\'s memory, and lxml before 5.0 also resolves external entities, ' +
    'reading local files such as credentials into the parsed data.',
  remediation:
    'Parse with defusedxml (defusedxml.ElementTree.parse/fromstring, defusedxml.minidom) or configure lxml with ' +
    'etree.XMLParser(resolve_entities=False, no_network=True).',
  bad: [
    {
      file: 'jobs/load_catalog.py',
      code:
        'import xml.etree.ElementTree as ET\n\n\n' +
        'def load(path: str):\n' +
        '    tree = ET.parse(path)\n' +
        '    return [item.attrib for item in tree.getroot()]\n',
    },
    {
      file: 'jobs/soap.py',
      code: 'from lxml import etree\n\n\ndef parse(body: bytes):\n    return etree.fromstring(body)\n',
    },
  ],
  good: [
    {
      file: 'jobs/load_catalog.py',
      code:
        'import defusedxml.ElementTree as ET\n\n\n' +
        'def load(path: str):\n' +
        '    tree = ET.parse(path)\n' +
        '    return [item.attrib for item in tree.getroot()]\n',
    },
    {
      file: 'jobs/defaults.py',
      code: 'import xml.etree.ElementTree as ET\n\nDEFAULTS = ET.fromstring("<config><retries>3</retries></config>")\n',
    },
  ],
  bandit: ['B313', 'B314', 'B315', 'B316', 'B317', 'B318', 'B319', 'B320'],
  references: [
    'https://docs.python.org/3/library/xml.html#xml-vulnerabilities',
    'https://bandit.readthedocs.io/en/latest/blacklists/blacklist_calls.html#b313-b320-xml-bad-elementtree',
    'https://cwe.mitre.org/data/definitions/611.html',
  ],
  onCall(call, ctx) {
    if (!calls(call, XML_PARSE_CALLS)) return;
    const input = argument(call, 0, 'source');
    if (!input) return;
    reportDynamic(ctx, call, input, {
      message: (how) => `${call.name}() parses XML ${how} with entity expansion on; use defusedxml`,
    });
  },
};
