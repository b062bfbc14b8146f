import { describe, expect, it } from 'vitest';
import { py, scan } from '../scan.js';

const ID = 'py.paramiko.auto-add-policy';

describe(ID, () => {
  it('reports AutoAddPolicy and WarningPolicy as instance or class', () => {
    expect(scan('import paramiko\nc.set_missing_host_key_policy(paramiko.AutoAddPolicy())\n', ID)).toHaveLength(1);
    expect(scan('from paramiko import WarningPolicy\nc.set_missing_host_key_policy(WarningPolicy)\n', ID)).toHaveLength(1);
  });

  it('does not report RejectPolicy', () => {
    expect(scan('import paramiko\nc.set_missing_host_key_policy(paramiko.RejectPolicy())\n', ID)).toEqual([]);
  });

  it('reports pysftp options without host keys and asyncssh without known hosts, not their checked forms', () => {
    const findings = scan(py`
      import asyncssh
      import pysftp

      cnopts = pysftp.CnOpts()
      cnopts.hostkeys = None
      checked = pysftp.CnOpts(knownhosts="/etc/pipeline/known_hosts")
      checked.hostkeys.load("/etc/pipeline/known_hosts")
      other.hostkeys = None

      async def pull(host):
          async with asyncssh.connect(host, username="etl", known_hosts=None) as conn:
              return await conn.run("ls")
          async with asyncssh.connect(host, username="etl", known_hosts="/etc/pipeline/known_hosts") as conn:
              return await conn.run("ls")
    `, ID);
    expect(findings.map((f) => [f.location.startLine, f.message])).toEqual([
      [5, "cnopts.hostkeys = None turns off pysftp's host key check, so a spoofed server is trusted"],
      [11, 'asyncssh.connect() with known_hosts=None accepts any SSH host key, so a spoofed server is trusted'],
    ]);
  });
});
