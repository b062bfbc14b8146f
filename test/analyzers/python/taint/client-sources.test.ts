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
