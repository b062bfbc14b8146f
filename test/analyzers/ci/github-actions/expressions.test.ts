import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expressionsIn, taintOf } from '../../../../src/analyzers/ci/github-actions/expressions.js';
import { parseWorkflow } from '../../../../src/analyzers/ci/github-actions/workflow.js';

describe('expressionsIn', () => {
  it('reads references through brackets and whitespace, and not out of string literals', () => {
    expect(expressionsIn("a ${{ github [ 'event' ].commits[ 3 ] . message }} b ${{ format('{0} github.head_ref', env.X) }}").map((e) => e.references)).toEqual([
      ['github.event.commits.*.message'],
      ['env.x'],
    ]);
  });
});

describe('taintOf', () => {
  it('tells outsider text from inputs and from values nobody outside sets', () => {
    expect(taintOf('github.event.pull_request.head.ref')).toBe('outsider');
    expect(taintOf('github.event.issue')).toBe('outsider');
    expect(taintOf('github.event.inputs.target')).toBe('input');
    expect(taintOf('inputs.target')).toBe('input');
    for (const safe of ['github.event.pull_request.head.sha', 'github.event.issue.number', 'github.sha', 'github', 'env.title', 'steps.x.outputs.y']) expect(taintOf(safe), safe).toBeUndefined();
  });
});

describe('parseWorkflow', () => {
  const fragment = fc.constantFrom('on: pull_request_target\n', 'jobs:\n', '  a:\n', '  b: &b\n', '    <<: *b\n', '    steps:\n', '      - run: echo ${{ github.head_ref }}\n', '      - uses: x/y@v1\n', '        with: {ref: main}\n', '    permissions: write-all\n', '*b\n', '[', '{', ':\n');
  const text = fc.array(fc.oneof(fragment, fc.string({ maxLength: 6 })), { maxLength: 25 }).map((parts) => parts.join(''));

  it('never throws: a file is a workflow or problems, and every step locates inside the text', () => {
    fc.assert(
      fc.property(text, (code) => {
        const parsed = parseWorkflow(code);
        expect(parsed.workflow === undefined || parsed.problems.length === 0).toBe(true);
        const lines = code.split('\n').length;
        for (const step of parsed.workflow?.jobs.flatMap((j) => j.steps) ?? []) {
          const line = parsed.yaml.locateText([...step.path, 'run'], '${{ github.head_ref }}').startLine;
          expect(line).toBeGreaterThanOrEqual(1);
          expect(line).toBeLessThanOrEqual(lines);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('falls back to the scalar when a folded script does not hold the expression verbatim', () => {
    const code = 'jobs:\n  a:\n    steps:\n      - run: >-\n          echo ${{ github.event.issue.\n          title }}\n';
    const parsed = parseWorkflow(code);
    expect(parsed.yaml.locateText(['jobs', 'a', 'steps', 0, 'run'], '${{ github.event.issue. title }}').startLine).toBe(4);
  });
});
