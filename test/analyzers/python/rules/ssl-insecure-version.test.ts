import { describe, expect, it } from 'vitest';
import { scan } from '../scan.js';

const ID = 'py.ssl.insecure-version';

describe(ID, () => {
  it('reports unverified contexts and obsolete protocol constants', () => {
    expect(scan('import ssl\nssl._create_unverified_context()\n', ID)).toHaveLength(1);
    expect(scan('import ssl\nssl.wrap_socket(sock, ssl_version=ssl.PROTOCOL_SSLv3)\n', ID)).toHaveLength(1);
    expect(scan('from OpenSSL import SSL\nSSL.Context(SSL.TLSv1_METHOD)\n', ID)).toHaveLength(1);
  });

  it('does not report default contexts and current versions', () => {
    expect(scan('import ssl\nssl.create_default_context()\nssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)\n', ID)).toEqual([]);
  });

  it('does not report the version-flexible methods, whatever their old names say', () => {
    expect(scan('import ssl\nssl.SSLContext(ssl.PROTOCOL_SSLv23)\n', ID)).toEqual([]);
    expect(scan('from OpenSSL import SSL\nSSL.Context(SSL.SSLv23_METHOD)\nSSL.Context(SSL.TLS_METHOD)\n', ID)).toEqual([]);
  });
});
