import { describe, expect, it } from 'vitest';
import { scan } from '../scan.js';

const ID = 'py.paramiko.auto-add-policy';

describe(ID, () => {
  it('reports AutoAddPolicy and WarningPolicy as instance or class', () => {
    expect(scan('import paramiko\nc.set_missing_host_key_policy(paramiko.AutoAddPolicy())\n', ID)).toHaveLength(1);
    expect(scan('from paramiko import WarningPolicy\nc.set_missing_host_key_policy(WarningPolicy)\n', ID)).toHaveLength(1);
  });

  it('does not report RejectPolicy', () => {
    expect(scan('import paramiko\nc.set_missing_host_key_policy(paramiko.RejectPolicy())\n', ID)).toEqual([]);
  });
});
