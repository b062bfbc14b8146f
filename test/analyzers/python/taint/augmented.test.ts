import { describe, expect, it } from 'vitest';
import { analyzePythonText, py } from '../scan.js';

describe('augmented assignments', () => {
  it('follow taint through += in a loop, which sees itself among the earlier bindings', () => {
    const result = analyzePythonText(py`
      import os
      import sys

      def build(parts):
          cmd = "tar czf out.tgz"
          for part in sys.argv[1:]:
              cmd += " " + part
              cmd += ";"
          os.system(cmd)
    `);
    expect(result.errors).toEqual([]);
    const taint = result.findings.filter((f) => f.ruleId.startsWith('py.taint.'));
    expect(taint.length).toBeGreaterThanOrEqual(1);
    expect(taint[0]!.trace!.some((s) => s.label.includes('appended to cmd'))).toBe(true);
  });

  it('handle long chains without exhausting the stack', () => {
    const chain = Array.from({ length: 400 }, (_, i) => `    out += line_${i}`).join('\n');
    const result = analyzePythonText(`def render(lines):\n    out = ""\n${chain}\n    return out\n`);
    expect(result.errors).toEqual([]);
  });
});
