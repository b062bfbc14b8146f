import { describe, expect, it } from 'vitest';
import { py, scan } from '../scan.js';

const ID = 'py.command-injection.subprocess-shell';

describe(ID, () => {
  it.each(['run', 'call', 'check_call', 'check_output', 'Popen'])('reports subprocess.%s with shell=True and a formatted command', (fn) => {
    const findings = scan(`import subprocess\nsubprocess.${fn}(f"aws s3 cp {src} {dst}", shell=True)\n`, ID);
    expect(findings).toHaveLength(1);
    expect(findings[0]!).toMatchObject({ severity: 'high', confidence: 'high' });
    expect(findings[0]!.message).toContain(`subprocess.${fn}()`);
  });

  it('reports a command of unknown origin at medium severity and confidence', () => {
    const [finding] = scan('import subprocess as sp\n\ndef go(command):\n    sp.run(command, shell=True)\n', ID);
    expect(finding).toMatchObject({ severity: 'medium', confidence: 'medium' });
  });

  it('treats a non-literal shell= as on, with at most medium confidence', () => {
    const [finding] = scan('import subprocess\nsubprocess.run("dbt run -s " + model, shell=use_shell)\n', ID);
    expect(finding?.confidence).toBe('medium');
  });

  it('follows shell= through a constant', () => {
    expect(scan('import subprocess\nSHELL = False\nsubprocess.run("ls " + d, shell=SHELL)\n', ID)).toEqual([]);
    expect(scan('import subprocess\nSHELL = 1\nsubprocess.run("ls " + d, shell=SHELL)\n', ID)).toHaveLength(1);
  });

  it('checks the first item of a sequence run with shell=True', () => {
    expect(scan('import subprocess\nsubprocess.run(["ls " + d], shell=True)\n', ID)).toHaveLength(1);
    expect(scan('import subprocess\nsubprocess.run(["ls -l \\"$0\\"", d], shell=True)\n', ID)).toEqual([]);
  });

  it('does not report the list form without a shell, or a literal command with one', () => {
    expect(scan(py`
      import subprocess
      subprocess.run(["ls", folder], check=True)
      subprocess.check_output(["gsutil", "cp", src, f"gs://{bucket}/x"])
      subprocess.run("df -h | sort", shell=True)
      subprocess.run(cmd, shell=False)
      subprocess.Popen(f"echo {x}")
    `, ID)).toEqual([]);
  });

  it('reports an argv list that starts a shell with -c itself', () => {
    const [finding] = scan('from subprocess import run\nrun(["/bin/bash", "-c", f"psql -f {script}"], check=True)\n', ID);
    expect(finding?.message).toContain('starts a shell');
    expect(scan('import subprocess\nsubprocess.run(["bash", "deploy.sh", "-c", name])\n', ID)).toEqual([]);
  });

  it('reports asyncio.create_subprocess_shell, which always uses the shell', () => {
    expect(scan('import asyncio\nproc = await asyncio.create_subprocess_shell(f"gzip {p}")\n', ID)).toHaveLength(1);
    expect(scan('import asyncio\nproc = await asyncio.create_subprocess_exec("gzip", p)\n', ID)).toEqual([]);
  });

  it('reports at low confidence when **kwargs may turn the shell on for a string command', () => {
    expect(scan('import subprocess\nsubprocess.run("tar xf " + f, **opts)\n', ID)[0]?.confidence).toBe('low');
    expect(scan('import subprocess\nsubprocess.run(["tar", "xf", f], **opts)\n', ID)).toEqual([]);
  });

  it('resolves runner aliases assigned to variables', () => {
    expect(scan('import subprocess\nrunner = subprocess.check_call\nrunner(f"make {target}", shell=True)\n', ID)).toHaveLength(1);
  });
});
