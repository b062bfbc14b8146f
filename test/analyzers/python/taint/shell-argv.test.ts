import { describe, expect, it } from 'vitest';
import { analyzePythonText, py } from '../scan.js';

describe('a shell started with -c from an argv list', () => {
  it('runs its script as a shell command: data reaching it is command injection with a trace, other argv items are not', () => {
    const code = py`
      import subprocess
      import pandas as pd

      name = pd.read_csv("s3://in/list.csv")["file"][0]
      subprocess.run(["bash", "-c", f"gzip {name}"], check=True)
      subprocess.Popen(("/bin/sh", "-ec", "gzip " + name))
      subprocess.run(["gzip", name], check=True)
      subprocess.run(["bash", "-c", 'gzip "$1"', "gz", name], check=True)
      subprocess.run(["bash", "script.sh", "-c", name])
    `;
    const findings = analyzePythonText(code, 'jobs/zip.py').findings.filter((f) => f.ruleId.includes('command-injection'));
    expect(findings.map((f) => [f.ruleId, f.location.startLine, f.confidence])).toEqual([
      ['py.taint.command-injection', 5, 'high'],
      ['py.taint.command-injection', 6, 'high'],
    ]);
    expect(findings[0]!.trace!.at(-1)!.label).toBe('sink: subprocess.run() — the value runs as a shell command (a shell started with -c)');
  });
});
