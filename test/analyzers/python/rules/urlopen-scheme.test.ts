import { describe, expect, it } from 'vitest';
import { py, scan } from '../scan.js';

const ID = 'py.urllib.urlopen-any-scheme';

describe(ID, () => {
  it('judges urlopen() of a Request where the Request is built, once', () => {
    const code = py`
      from urllib.request import Request, urlopen
      def fetch(url, token):
          request = Request(url, headers={"Authorization": f"Bearer {token}"})
          with urlopen(request) as response:
              return response.read()
      def fetch_plain(url):
          return urlopen(url).read()
    `;
    expect(scan(code, ID).map((f) => f.location.startLine)).toEqual([3, 7]);
  });

  it('does not report a URL that starts with its scheme written out, whatever is spliced in after it', () => {
    const code = py`
      from urllib.request import urlopen, urlretrieve
      def fetch(host, key, page):
          urlopen(f"https://{host}/objects/{key}")
          urlopen("https://api.example.com/pages/%d" % page)
          urlretrieve("https://" + host + "/dump.tar.gz")
          urlopen("https://api.example.com/{}".format(key))
          urlopen(host + "/objects")
          urlopen(f"{host}/objects")
          urlopen("exports/" + key)
    `;
    expect(scan(code, ID).map((f) => f.location.startLine)).toEqual([7, 8]);
  });
});
