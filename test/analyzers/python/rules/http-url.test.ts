import { describe, expect, it } from 'vitest';
import { scan } from '../scan.js';

const ID = 'py.transport.http-url';

describe(ID, () => {
  it('reports http:// literals, f-strings and constants given to readers', () => {
    expect(scan('import pandas as pd\npd.read_json("http://api.example.com/rows.json")\n', ID)[0]?.message).toContain('http://api.example.com');
    expect(scan('import requests\nrequests.get(f"http://api.example.com/{day}", timeout=5)\n', ID)).toHaveLength(1);
    expect(scan('import urllib.request\nURL = "http://feed.example.com/x.csv"\nurllib.request.urlopen(URL)\n', ID)).toHaveLength(1);
    expect(scan('import requests\nrequests.request("GET", "http://api.example.com/", timeout=5)\n', ID)).toHaveLength(1);
  });

  it('reports URLs built from parts after a written-out http:// host: +, % and str.format', () => {
    const code = [
      'import requests',
      'BASE = "http://api.example.com/v1/"',
      'requests.get(BASE + day, timeout=5)',
      'requests.get("http://api.example.com/rows/%s" % day, timeout=5)',
      'requests.get("http://api.example.com/{}".format(day), timeout=5)',
      'requests.get("http://" + host + "/rows", timeout=5)',
    ].join('\n');
    expect(scan(code, ID).map((f) => f.location.startLine)).toEqual([3, 4, 5]);
  });

  it('does not report https, loopback, dynamic URLs or other functions', () => {
    const code = [
      'import pandas as pd',
      'import requests',
      'pd.read_csv("https://data.example.com/x.csv")',
      'requests.get("http://localhost:8080/health", timeout=1)',
      'requests.get("http://127.0.0.1:9000/", timeout=1)',
      'requests.get(url, timeout=1)',
      'print("http://example.com")',
    ].join('\n');
    expect(scan(code, ID)).toEqual([]);
  });
});
