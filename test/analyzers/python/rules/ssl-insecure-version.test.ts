import { describe, expect, it } from 'vitest';
import { py, scan } from '../scan.js';

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

  it('reports a context made unverified after it was created, and the process-wide monkeypatch', () => {
    const findings = scan(py`
      import ssl
      ctx = ssl.create_default_context()
      ctx.check_hostname = False
      ctx.verify_mode = ssl.CERT_NONE
      ssl._create_default_https_context = ssl._create_unverified_context
      strict = ssl.create_default_context()
      strict.check_hostname = True
      strict.verify_mode = ssl.CERT_REQUIRED
    `, 'py.ssl.insecure-version');
    expect(findings.map((f) => [f.location.startLine, f.message])).toEqual([
      [3, 'ctx.check_hostname = False makes the context accept a certificate issued for any host'],
      [4, 'ctx.verify_mode = ssl.CERT_NONE makes the context accept any certificate'],
      [5, 'ssl._create_default_https_context is replaced by an unverified one: every urllib HTTPS connection in the process accepts any certificate'],
    ]);
  });
});
