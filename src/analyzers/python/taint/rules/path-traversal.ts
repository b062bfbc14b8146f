import { taintRule } from './taint-rule.js';

export const pathTraversal = taintRule(
  {
  id: 'py.taint.path-traversal',
  title: "Untrusted data is used as a file path",
  severity: 'high',
  cwe: ["CWE-22"],
  what: "Follows ingested data into open(), os.path.join, file removal and copying, and tar extraction (TarFile.extractall/extract, shutil.unpack_archive) without a checking filter=.",
  why: "A path from a message or request with ../ in it reads or overwrites files outside the data directory; archives from outside carry member names that do the same.",
  remediation: "Reduce names with os.path.basename, resolve the path and check it stays under the base directory, and extract archives with a filter.",
  bad: [
    {
      file: "jobs/export.py",
      code: "import os\n\nname = input(\"report name: \")\nwith open(os.path.join(\"/srv/reports\", name)) as fh:\n    print(fh.read())\n",
    },
  ],
  good: [
    {
      file: "jobs/export.py",
      code: "import os\n\nname = os.path.basename(input(\"report name: \"))\nprint(os.path.join(\"/srv/reports\", name))\n",
    },
  ],
  references: ["https://cwe.mitre.org/data/definitions/22.html"],
  },
  'path-traversal',
  ["py.archive.tarfile-extractall"],
);
