import { describe, expect, it } from 'vitest';
import { analyzePythonText, py } from '../scan.js';

describe('assignment expressions', () => {
  it('carry a source through `:=` in a condition, a while loop and a comprehension', () => {
    const result = analyzePythonText(py`
      import os

      def from_env():
          if (cmd := os.environ.get("CMD")):
              os.system(cmd)

      def from_stdin():
          while (line := input()):
              os.system(line)

      def from_comprehension(keys):
          found = [v for k in keys if (v := os.environ.get(k))]
          os.system(v)
    `);
    expect(result.errors).toEqual([]);
    const taint = result.findings.filter((f) => f.ruleId === 'py.taint.command-injection');
    expect(taint.map((f) => f.location.startLine)).toEqual([5, 9, 13]);
    expect(taint.every((f) => f.confidence === 'high')).toBe(true);
    expect(taint[0]!.trace!.map((s) => s.label).join(' → ')).toContain('cmd');
    expect(result.findings.filter((f) => f.ruleId === 'py.command-injection.os-system')).toEqual([]);
  });

  it('leave a literal bound by `:=` unreported', () => {
    const result = analyzePythonText(py`
      import os

      def fixed():
          if (cmd := "ls -l /tmp"):
              os.system(cmd)
    `);
    expect(result.findings.filter((f) => f.ruleId.includes('command-injection'))).toEqual([]);
  });
});
