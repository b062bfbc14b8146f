import { calleeLabel, calls } from '../call-site.js';
import type { JsRule } from '../js-rule.js';
import { reportDynamic } from './dynamic-value.js';

/** Run their first argument as code. */
const EVALUATORS = ['eval', 'vm.runInThisContext', 'vm.runInNewContext', 'vm.runInContext', 'vm.Script', 'vm.compileFunction'];
/** Take parameter names and a body, all as code. */
const FUNCTION_CONSTRUCTORS = ['Function'];
/** Run a string first argument as code; a function argument is the normal, safe use. */
const TIMERS = ['setTimeout', 'setInterval', 'setImmediate'];
const UNKNOWN = { severity: 'medium', confidence: 'medium' } as const;

export const codeInjectionEval: JsRule = {
  id: 'js.code-injection.eval',
  title: 'eval, Function or vm of a non-literal string',
  category: 'sast',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-95'],
  what:
    'Finds eval(), new Function(…)/Function(…), vm.runInThisContext/runInNewContext/runInContext, new vm.Script and ' +
    'vm.compileFunction applied to anything but a literal (unknown origin at medium), and setTimeout/setInterval ' +
    'given a string built by a template or concatenation.',
  why:
    'These run their argument as JavaScript with the full rights of the process: file system, network, environment ' +
    'secrets. Scripts use them to apply transformation expressions from config files, database rows or job ' +
    'parameters, so whoever can write that config runs code next to the pipeline’s credentials. The vm module is ' +
    'not a security boundary.',
  remediation:
    'Parse data with JSON.parse; map allowed operation names to functions in an object; evaluate user-defined ' +
    'expressions with a restricted expression library that has its own grammar (no property access to globals).',
  bad: [
    {
      file: 'transforms/derive.js',
      code: "const rules = require('./rules.json');\n\nfor (const [column, expr] of Object.entries(rules)) {\n  row[column] = eval(`(${expr})`);\n}\n",
    },
    { file: 'transforms/udf.ts', code: 'export function compile(body: string) {\n  return new Function("value", body);\n}\n' },
    { file: 'transforms/sandbox.mjs', code: "import vm from 'node:vm';\n\nexport const run = (code, row) => vm.runInNewContext('(' + code + ')', { row });\n" },
  ],
  good: [
    {
      file: 'transforms/derive.js',
      code:
        'const OPS = { upper: (v) => String(v).toUpperCase(), trim: (v) => String(v).trim() };\n' +
        'const settings = JSON.parse(raw);\n' +
        'setTimeout(() => flush(settings), 1000);\n' +
        "const add = new Function('a', 'b', 'return a + b');\n" +
        'row.name = OPS[settings.op](row.name);\n',
    },
  ],
  references: ['https://nodejs.org/api/vm.html#vm-executing-javascript', 'https://cwe.mitre.org/data/definitions/95.html'],
  onCall(call, ctx) {
    const label = calleeLabel(call);
    const message = (how: string) => `${label} runs code ${how}`;
    if (calls(call, EVALUATORS)) {
      const code = call.args[0];
      if (code) reportDynamic(ctx, call, code, { message, unknown: UNKNOWN });
    } else if (calls(call, FUNCTION_CONSTRUCTORS)) {
      // The body is the last argument, but parameter names are code too.
      const worst = call.args.find((a) => ctx.kindOf(a) === 'formatted') ?? call.args.find((a) => ctx.kindOf(a) !== 'literal');
      if (worst) reportDynamic(ctx, call, worst, { message, unknown: UNKNOWN });
    } else if (calls(call, TIMERS)) {
      const code = call.args[0];
      if (code) reportDynamic(ctx, call, code, { message: (how) => `${label} is given a string ${how}, which it runs as code` });
    }
  },
};
