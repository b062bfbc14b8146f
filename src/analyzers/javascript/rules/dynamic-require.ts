import type { JsRule } from '../js-rule.js';
import { takenFrom } from './dynamic-value.js';

export const dynamicRequire: JsRule = {
  id: 'js.code-injection.dynamic-require',
  title: 'Module loaded by a name taken from input',
  category: 'sast',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-470', 'CWE-829'],
  what:
    'Finds require(…) and import(…) whose module name or path is taken from an HTTP request or from data the script ' +
    'reads (a job record, a parsed CSV, an HTTP response, a queue message), as it is or built into a template or ' +
    'concatenation. Names of unknown origin (plugin folders the code lists itself, locale files) are not reported.',
  why:
    'Loading a module runs its top-level code. A job record whose "plugin" or "transform" field names the module makes ' +
    'whoever writes the data choose which code the pipeline runs: any installed package, or with a path (../../tmp/x) ' +
    'a file an upload put on disk.',
  remediation:
    'Map the allowed names to modules in an object written in the code (const TRANSFORMS = { clean: require(\'./clean\') }) ' +
    'and look the record’s value up in it, refusing anything else.',
  bad: [
    {
      file: 'workers/run-job.js',
      code:
        "const { parse } = require('csv-parse/sync');\nconst fs = require('fs');\n\n" +
        "for (const job of parse(fs.readFileSync('jobs.csv'), { columns: true })) {\n" +
        '  const transform = require(`./transforms/${job.transform}`);\n' +
        '  transform.run(job);\n' +
        '}\n',
    },
  ],
  good: [
    {
      file: 'workers/run-job.js',
      code:
        "const { parse } = require('csv-parse/sync');\nconst fs = require('fs');\nconst path = require('path');\n\n" +
        "const TRANSFORMS = { clean: require('./transforms/clean'), dedupe: require('./transforms/dedupe') };\n" +
        "for (const file of fs.readdirSync(path.join(__dirname, 'plugins'))) require(path.join(__dirname, 'plugins', file));\n" +
        "for (const job of parse(fs.readFileSync('jobs.csv'), { columns: true })) {\n" +
        '  const transform = TRANSFORMS[job.transform];\n' +
        "  if (!transform) throw new Error('unknown transform');\n" +
        '  transform.run(job);\n' +
        '}\n',
    },
  ],
  references: ['https://nodejs.org/api/modules.html#requireid', 'https://cwe.mitre.org/data/definitions/470.html'],
  onCall(call, ctx) {
    const callee = call.node.childForFieldName('function');
    const loader = callee?.type === 'import' ? 'import()' : call.name === 'require' ? 'require()' : undefined;
    const name = call.args[0];
    if (!loader || !name) return;
    const taken = takenFrom(ctx, name);
    if (taken) ctx.report(call.node, { message: `${loader} loads a module named by a value ${taken}, and runs its code` });
  },
};
