import { describe, expect, it } from 'vitest';
import { scan } from '../scan.js';

const ID = 'py.crypto.weak-cipher';

describe(ID, () => {
  it('reports weak ciphers and ECB mode in PyCryptodome and cryptography', () => {
    expect(scan('from Crypto.Cipher import DES\nDES.new(key, DES.MODE_CBC)\n', ID)).toHaveLength(1);
    expect(scan('from Cryptodome.Cipher import AES\nAES.new(key, AES.MODE_ECB)\n', ID)).toHaveLength(1);
    expect(scan('from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes\nCipher(algorithms.AES(k), modes.ECB())\n', ID)).toHaveLength(1);
  });

  it('does not report AES in authenticated modes', () => {
    expect(scan('from Crypto.Cipher import AES\nAES.new(key, AES.MODE_GCM)\n', ID)).toEqual([]);
  });
});
