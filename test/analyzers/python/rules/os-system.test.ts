import { describe, expect, it } from 'vitest';
import { py, scan } from '../scan.js';

const ID = 'py.command-injection.os-system';

describe(ID, () => {
  it.each([
    ['import os\nos.system(f"rm -rf {path}")\n'],
    ['import os\nos.popen("ls " + folder).read()\n'],
    ['from os import system as sh\nsh("gzip %s" % name)\n'],
    ['import subprocess\nsubprocess.getstatusoutput("wc -l {}".format(f))\n'],
    ['import commands\ncommands.getoutput("cat " + f)\n'],
  ])('reports %j with high confidence', (code) => {
    const findings = scan(code, ID);
    expect(findings).toHaveLength(1);
    expect(findings[0]!).toMatchObject({ severity: 'high', confidence: 'high' });
  });

  it('reports a command of unknown origin at medium severity and confidence', () => {
    const [finding] = scan('import os\n\ndef run(cmd):\n    os.system(cmd)\n', ID);
    expect(finding).toMatchObject({ severity: 'medium', confidence: 'medium' });
  });

  it('follows a command built in a variable', () => {
    const findings = scan(py`
      import os
      cmd = "hdfs dfs -put "
      cmd += local_path
      os.system(cmd)
    `, ID);
    expect(findings[0]?.confidence).toBe('high');
  });

  it('does not report literal commands, also through constants', () => {
    expect(scan(py`
      import os
      CLEANUP = "rm -rf /tmp/staging"
      os.system("sync")
      os.system(CLEANUP)
      os.popen("date -u").read()
    `, ID)).toEqual([]);
  });

  it('reports os.exec*/spawn* only when they start a shell with -c', () => {
    expect(scan('import os\nos.execl("/bin/sh", "sh", "-c", f"tar xf {archive}")\n', ID)).toHaveLength(1);
    expect(scan('import os\nos.execvp("bash", ["bash", "-lc", "make " + target])\n', ID)).toHaveLength(1);
    expect(scan('import os\nos.spawnl(os.P_WAIT, "/bin/sh", "sh", "-c", cmd)\n', ID)[0]?.confidence).toBe('medium');
    expect(scan('import os\nos.posix_spawn("/bin/sh", ["sh", "-c", cmd], os.environ)\n', ID)).toHaveLength(1);
    expect(scan('import os\nos.execv("/usr/bin/gzip", ["gzip", "-k", path])\n', ID)).toEqual([]);
    expect(scan('import os\nos.execl("/bin/sh", "sh", "deploy.sh", "-c", target)\n', ID)).toEqual([]);
    expect(scan('import os\nos.execl("/bin/sh", "sh", "-c", "exec make all")\n', ID)).toEqual([]);
  });

  it('reports os.exec*/spawn* and asyncio.create_subprocess_exec running a remote command over ssh, not an environment or a literal command', () => {
    const remote = scan('import os\nos.execlp("ssh", "ssh", "-p", "22", host, f"rm -rf {path}")\n', ID);
    expect(remote.map((f) => f.message)).toEqual(['os.execlp() runs a remote command over ssh, which the remote shell parses, built by string formatting or concatenation']);
    expect(scan('import os\nos.spawnvp(os.P_WAIT, "/usr/bin/ssh", ["ssh", host, "ls " + path])\n', ID)).toHaveLength(1);
    expect(scan('import asyncio\nasyncio.create_subprocess_exec("bash", "-c", f"gzip {path}")\n', ID)).toHaveLength(1);
    expect(scan('import os\nos.execle("/usr/bin/ssh", "ssh", host, "uptime", {"PATH": path + ":/bin"})\n', ID)).toEqual([]);
    expect(scan('import asyncio\nasyncio.create_subprocess_exec("gzip", "-k", f"{path}.csv")\n', ID)).toEqual([]);
  });

  it('does not report system methods of other objects', () => {
    expect(scan('platform_api.system(f"x {y}")\n', ID)).toEqual([]);
  });
});
