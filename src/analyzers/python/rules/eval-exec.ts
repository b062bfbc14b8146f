import { argument, calls } from '../call-site.js';
import type { PythonRule } from '../python-rule.js';
import { calleeLabel, reportDynamic, reportUnseen } from './dynamic-value.js';

const EVALUATORS = ['builtins.eval', 'builtins.exec'];

export const evalExec: PythonRule = {
  id: 'py.code-injection.eval-exec',
  title: 'eval or exec of a non-literal string',
  category: 'sast',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-95'],
  what:
    'Finds the builtins eval() and exec() applied to anything but a literal. Methods that share the name ' +
    '(DataFrame.eval, pandas.eval) and ast.literal_eval are different functions and are not reported here.',
  why:
    'eval and exec run their argument as Python with the job’s full privileges. Pipelines reach for them to apply ' +
    'transformation expressions kept in config files, database rows or DAG parameters, so anyone who can edit that ' +
    'config, or inject into a field that is later evaluated, runs code next to the warehouse credentials.',
  remediation:
    'Parse data with ast.literal_eval, json.loads or int()/float(). For user-defined transformations, map names to ' +
    'functions in a dictionary, or use a restricted expression language with an explicit grammar.',
  bad: [
    {
      file: 'transforms/derived_columns.py',
      code:
        'import yaml\n\n\n' +
        'def apply_derived_columns(df, config_text: str):\n' +
        '    rules = yaml.safe_load(config_text)["derived"]\n' +
        '    for column, expression in rules.items():\n' +
        '        df[column] = df.apply(lambda row: eval(expression, {}, {"row": row}), axis=1)\n' +
        '    return df\n',
    },
    {
      file: 'transforms/plugins.py',
      code:
        'def register_udf(name: str, body: str, registry: dict) -> None:\n' +
        '    exec(f"def {name}(value):\\n    return {body}", registry)\n',
    },
  ],
  good: [
    {
      file: 'transforms/derived_columns.py',
      code:
        'import operator\n\n' +
        'OPERATIONS = {"add": operator.add, "sub": operator.sub, "mul": operator.mul, "div": operator.truediv}\n\n\n' +
        'def apply_derived_columns(df, rules: dict):\n' +
        '    for column, (op, left, right) in rules.items():\n' +
        '        df[column] = OPERATIONS[op](df[left], df[right])\n' +
        '    return df.eval("margin = revenue - cost")\n',
    },
    {
      file: 'ingest/parse_params.py',
      code:
        'import ast\n\n\n' +
        'def parse_thresholds(raw: str) -> dict:\n' +
        '    value = ast.literal_eval(raw)\n' +
        '    if not isinstance(value, dict):\n' +
        '        raise ValueError("thresholds must be a mapping")\n' +
        '    return value\n',
    },
  ],
  bandit: ['B307', 'B102'],
  references: ['https://docs.python.org/3/library/functions.html#eval', 'https://cwe.mitre.org/data/definitions/95.html'],
  onCall(call, ctx) {
    if (!calls(call, EVALUATORS)) return;
    const source = argument(call, 0, 'source');
    if (!source) {
      if (call.hasSplat) reportUnseen(ctx, call, 'the code to run');
      return;
    }
    reportDynamic(ctx, call, source, { message: (how) => `${calleeLabel(call)} runs code ${how}` });
  },
};
