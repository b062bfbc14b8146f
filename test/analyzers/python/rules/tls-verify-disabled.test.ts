import { describe, expect, it } from 'vitest';
import { py, scan } from '../scan.js';

const ID = 'py.tls.verify-disabled';

describe(ID, () => {
  it.each(['get', 'post', 'put', 'patch', 'delete', 'head', 'options'])('reports requests.%s(verify=False)', (verb) => {
    const [finding] = scan(`import requests\nrequests.${verb}(url, verify=False)\n`, ID);
    expect(finding).toMatchObject({ severity: 'high', confidence: 'high' });
    expect(finding?.message).toContain(`requests.${verb}()`);
  });

  it('reports requests.request and calls on sessions', () => {
    expect(scan('import requests\nrequests.request("GET", url, verify=False)\n', ID)).toHaveLength(1);
    expect(scan('import requests\nrequests.Session().get(url, verify=False)\n', ID)).toHaveLength(1);
    expect(scan(py`
      import requests
      session = requests.Session()
      session.post(url, json=payload, verify=False)
    `, ID)).toHaveLength(1);
    expect(scan(py`
      import requests
      with requests.Session() as s:
          s.get(url, verify=False)
    `, ID)).toHaveLength(1);
  });

  it('reports httpx functions and clients', () => {
    expect(scan('import httpx\nhttpx.get(url, verify=False)\n', ID)).toHaveLength(1);
    expect(scan('import httpx\nclient = httpx.Client(verify=False)\n', ID)).toHaveLength(1);
    expect(scan('from httpx import AsyncClient\nclient = AsyncClient(verify=False)\n', ID)).toHaveLength(1);
  });

  it('does not report verification left on, a CA bundle, or None', () => {
    expect(scan(py`
      import requests
      CA = "/etc/ssl/certs/internal-ca.pem"
      requests.get(url)
      requests.get(url, verify=True)
      requests.get(url, verify=CA)
      requests.get(url, verify=f"{CERTS}/ca.pem")
      requests.get(url, verify=None)
    `, ID)).toEqual([]);
  });

  it('reports verify= from a run-time value at low severity', () => {
    expect(scan('import requests\nrequests.get(url, verify=settings.VERIFY_TLS)\n', ID)[0]).toMatchObject({
      severity: 'low',
      confidence: 'medium',
    });
  });

  it('follows verify through a constant', () => {
    expect(scan('import requests\nVERIFY = False\nrequests.get(url, verify=VERIFY)\n', ID)).toHaveLength(1);
  });

  it('reports **kwargs that may disable verification at low confidence', () => {
    expect(scan('import requests\nrequests.get(url, **kwargs)\n', ID)[0]?.confidence).toBe('low');
  });

  it('ignores get methods of other objects', () => {
    expect(scan('cache.get(key, verify=False)\nconfig.get("x")\n', ID)).toEqual([]);
  });
});
