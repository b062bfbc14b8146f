import { describe, expect, it } from 'vitest';
import { py, scan } from '../scan.js';

const ID = 'py.code-injection.eval-exec';

describe(ID, () => {
  it('reports eval of a formatted string at high confidence', () => {
    const [finding] = scan('total = eval(f"{a} + {b}")\n', ID);
    expect(finding?.confidence).toBe('high');
    expect(finding?.message).toContain('builtins.eval()');
  });

  it('reports exec of a value of unknown origin at medium confidence', () => {
    const [finding] = scan('def run(snippet):\n    exec(snippet, {"df": df})\n', ID);
    expect(finding?.confidence).toBe('medium');
  });

  it('follows a variable that holds a formatted string', () => {
    expect(scan('expr = "row[%r] * 2" % column\nvalue = eval(expr)\n', ID)[0]?.confidence).toBe('high');
  });

  it('does not report literal-only code', () => {
    expect(scan('x = eval("1 + 1")\nexec("import this")\nOFFSET = "3"\ny = eval("2 + " + OFFSET)\n', ID)).toEqual([]);
  });

  it('does not report methods or other functions called eval', () => {
    expect(scan(py`
      import ast
      import pandas as pd
      df = df.eval(f"ratio = {num} / {den}")
      s = pd.eval(expression)
      v = ast.literal_eval(raw)
      model.eval()
    `, ID)).toEqual([]);
  });

  it('does not report a local function that shadows the builtin', () => {
    expect(scan('def eval(expression):\n    return expression\n\nresult = eval(user_text)\n', ID)).toEqual([]);
  });

  it('reports the builtin reached through the builtins module', () => {
    expect(scan('import builtins\nbuiltins.exec(code_from_db)\n', ID)).toHaveLength(1);
    expect(scan('from builtins import eval as evaluate\nevaluate(text)\n', ID)).toHaveLength(1);
  });
});
