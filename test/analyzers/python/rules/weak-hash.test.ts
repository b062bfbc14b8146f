import { describe, expect, it } from 'vitest';
import { scan } from '../scan.js';

const ID = 'py.crypto.weak-hash';

describe(ID, () => {
  it.each(['md5', 'sha1'])('reports hashlib.%s and hashlib.new of it', (algo) => {
    expect(scan(`import hashlib\nhashlib.${algo}(data)\n`, ID)[0]?.message).toContain(algo.toUpperCase());
    expect(scan(`import hashlib\nhashlib.new("${algo.toUpperCase()}", data)\n`, ID)).toHaveLength(1);
    expect(scan(`from hashlib import ${algo}\n${algo}(data)\n`, ID)).toHaveLength(1);
  });

  it('accepts usedforsecurity=False and strong digests', () => {
    expect(scan('import hashlib\nhashlib.md5(data, usedforsecurity=False)\nhashlib.sha256(data)\nhashlib.new("sha256")\n', ID)).toEqual([]);
  });

  it('still reports usedforsecurity=True and stays quiet when **kwargs may carry the flag', () => {
    expect(scan('import hashlib\nhashlib.sha1(data, usedforsecurity=True)\n', ID)).toHaveLength(1);
    expect(scan('import hashlib\nhashlib.md5(data, **opts)\n', ID)).toEqual([]);
  });
});
