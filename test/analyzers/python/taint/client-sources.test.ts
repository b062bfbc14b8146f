import { describe, expect, it } from 'vitest';
import { analyzePythonText, py } from '../scan.js';

const CODE = py`
  import boto3


  class QueryConnection:
      def get_object(self, action, params, cls):
          return cls(action, params)


  class Autoscale(QueryConnection):
      def describe(self, name):
          return eval(self.get_object("DescribeGroup", {"name": name}, str))


  class Loader:
      def __init__(self):
          self.s3 = boto3.client("s3")

      def load(self, key):
          body = self.s3.get_object(Bucket="raw", Key=key)["Body"].read()
          return eval(body)
`;

describe("a client library's method called on the class itself", () => {
  it("is the class's own method, not a bucket read, while the same method on a client attribute is", () => {
    const { findings, facts } = analyzePythonText(CODE, 'boto/autoscale.py');
    const sources = (facts['python'] as { lineage: { sources: Array<{ api: string; line: number }> } }).lineage.sources;
    expect(sources.map((s) => [s.api, s.line])).toEqual([['self.s3.get_object', 19]]);
    expect(findings.filter((f) => f.ruleId === 'py.taint.code-injection').map((f) => f.location.startLine)).toEqual([20]);
  });
});

describe('a downloaded file', () => {
  it('is a path the download chose, not the sender: opening it is no traversal, unpickling it still is deserialisation', () => {
    const code = py`
      import pickle
      import urllib.request


      def fetch(url):
          local, headers = urllib.request.urlretrieve(url)
          with open(local) as fh:
              text = fh.read()
          with open(local, "rb") as fh:
              return text, pickle.load(fh)
    `;
    const taint = analyzePythonText(code, 'jobs/fetch.py').findings.filter((f) => f.ruleId.startsWith('py.taint.'));
    expect(taint.map((f) => [f.ruleId, f.location.startLine])).toEqual([['py.taint.deserialization', 10]]);
  });
});

describe('a source function kept, not called', () => {
  it('reads nothing: an opener stored on the instance is no ingestion point, while a call of the function and a read of sys.argv are', () => {
    const code = py`
      import os
      import sys
      import urllib.request


      class Index:
          def __init__(self):
              self.opener = urllib.request.urlopen

          def fetch(self, name):
              return os.path.join("/data", self.opener.__name__, name)

          def page(self, url):
              return os.path.join("/data", urllib.request.urlopen(url).read())


      os.system(sys.argv[1])
    `;
    const { findings, facts } = analyzePythonText(code, 'crawl/index.py');
    const sources = (facts['python'] as { lineage: { sources: Array<{ api: string; line: number }> } }).lineage.sources;
    expect(sources.map((s) => [s.api, s.line])).toEqual([
      ['urllib.request.urlopen', 14],
      ['sys.argv', 17],
    ]);
    const taint = findings.filter((f) => f.ruleId.startsWith('py.taint.'));
    expect(taint.map((f) => [f.ruleId, f.location.startLine])).toEqual([
      ['py.taint.path-traversal', 14],
      ['py.taint.command-injection', 17],
    ]);
  });
});
