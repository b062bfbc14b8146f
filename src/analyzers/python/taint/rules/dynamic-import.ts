import { taintRule } from './taint-rule.js';

export const dynamicImport = taintRule(
  {
  id: 'py.taint.dynamic-import',
  title: "Untrusted data chooses a module to import or a function to call",
  severity: 'high',
  cwe: ["CWE-470"],
  what: "Follows ingested data into importlib.import_module, __import__ and pydoc.locate, and into the name getattr(obj, name)(…) looks up and calls at once (a name built on a fixed prefix, getattr(self, f'handle_{kind}')(), is dispatch among the object's own handlers and left alone).",
  why: "Plugin names read from config or run parameters let their author load any importable module, with its import-time side effects.",
  remediation: "Map allowed plugin names to modules in a dictionary, or check the name against an allow-list first.",
  bad: [
    {
      file: "jobs/plugins.py",
      code: "import importlib\nimport os\n\nplugin = importlib.import_module(os.environ[\"TRANSFORM_PLUGIN\"])\n",
    },
  ],
  good: [
    {
      file: "jobs/plugins.py",
      code: "import importlib\nimport os\n\nALLOWED = {\"clean\", \"dedupe\"}\nname = os.environ[\"TRANSFORM_PLUGIN\"]\nif name in ALLOWED:\n    plugin = importlib.import_module(\"transforms.\" + name)\n",
    },
  ],
  references: ["https://cwe.mitre.org/data/definitions/470.html"],
  },
  'dynamic-import',
  [],
);
