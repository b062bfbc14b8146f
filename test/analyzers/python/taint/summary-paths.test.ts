import { describe, expect, it } from 'vitest';
import { assessTree } from '../../../helpers/assess-tree.js';
import { analyzePythonText, py } from '../scan.js';

/** Each helper call takes the value in three places, so paths through them multiply by three per call. */
const STEP = py`
  from helpers import a, b


  def step(path, depth):
      p = a(path, path, path)
      q = b(p, p, p)
      r = a(q, q, q)
      s = b(r, r, r)
      open(s)
      return step(s, depth - 1)
`;

interface Summary {
  functions: Array<{ name: string; sinks: Array<{ family: string; param: number }> }>;
}

describe('function summaries through imported calls', () => {
  it('keep a few paths per parameter and sink instead of every combination of helper arguments', () => {
    const { facts } = analyzePythonText(STEP, 'jobs/step.py');
    const step = (facts['python'] as { taint: Summary }).taint.functions.find((f) => f.name === 'step')!;
    // Every combination of argument positions, through four summary rounds, was 1,364 entries.
    expect(step.sinks.length).toBeGreaterThan(0);
    expect(step.sinks.length).toBeLessThanOrEqual(4);
    expect(step.sinks.every((s) => s.family === 'path-traversal' && s.param === 0)).toBe(true);
  });

  it('still report the flow from a caller through the helpers into open()', async () => {
    const { findings } = await assessTree(
      {
        'jobs/helpers.py': 'def a(x, y, z):\n    return x\n\n\ndef b(x, y, z):\n    return x\n',
        'jobs/step.py': STEP,
        'jobs/main.py': 'import sys\n\nfrom step import step\n\nstep(sys.argv[1], 3)\n',
      },
      { only: ['sast'] },
    );
    expect(findings.filter((f) => f.ruleId === 'py.taint.path-traversal').map((f) => `${f.location.file}:${f.location.startLine}`)).toContain('jobs/step.py:9');
  });
});
