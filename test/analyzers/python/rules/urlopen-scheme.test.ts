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
});
