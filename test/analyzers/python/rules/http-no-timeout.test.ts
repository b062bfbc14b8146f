import { describe, expect, it } from 'vitest';
import { py, scan } from '../scan.js';

const ID = 'py.http.no-timeout';

describe(ID, () => {
  it('reports requests functions and session methods without timeout=', () => {
    expect(scan('import requests\nrequests.get(url)\n', ID)[0]).toMatchObject({ severity: 'medium', confidence: 'high' });
    expect(scan(py`
      import requests
      s = requests.Session()
      s.post(url, json=body)
    `, ID)).toHaveLength(1);
  });

  it('reports timeout=None for requests and httpx', () => {
    expect(scan('import requests\nrequests.get(url, timeout=None)\n', ID)[0]?.message).toContain('timeout=None');
    expect(scan('import httpx\nhttpx.Client(timeout=None)\n', ID)).toHaveLength(1);
  });

  it('does not report a timeout, httpx defaults, **kwargs, or other get methods', () => {
    expect(scan(py`
      import httpx
      import requests
      requests.get(url, timeout=30)
      requests.get(url, timeout=settings.TIMEOUT)
      requests.get(url, **options)
      httpx.get(url)
      cache.get(key)
    `, ID)).toEqual([]);
  });
});
