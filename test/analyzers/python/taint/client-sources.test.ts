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

describe('a file a download writes to a path it is given', () => {
  it('flows from the download wherever the path is read: S3 client, Bucket and Object downloads, GCS blobs, by literal or by name', () => {
    const code = py`
      import pickle, joblib, torch
      import boto3
      from google.cloud import storage

      LOCAL = "/srv/models/clf.pkl"
      boto3.client("s3").download_file("models", "clf.pkl", LOCAL)
      with open(LOCAL, "rb") as fh:
          clf = pickle.load(fh)
      boto3.resource("s3").Bucket("models").download_file("enc.joblib", "/srv/models/enc.joblib")
      enc = joblib.load("/srv/models/enc.joblib")
      boto3.resource("s3").Object("models", "net.pt").download_file(Filename="net.pt")
      net = torch.load("net.pt")
      storage.Client().bucket("models").blob("vocab.pkl").download_to_filename("vocab.pkl")
      vocab = pickle.load(open("vocab.pkl", "rb"))
      own = joblib.load("/srv/models/baseline.joblib")
    `;
    const taint = analyzePythonText(code, 'jobs/score.py').findings.filter((f) => f.ruleId.startsWith('py.taint.'));
    expect(taint.map((f) => [f.ruleId, f.location.startLine, f.severity])).toEqual([
      ['py.taint.deserialization', 8, 'critical'],
      ['py.taint.deserialization', 10, 'critical'],
      ['py.taint.deserialization', 12, 'critical'],
      ['py.taint.deserialization', 14, 'critical'],
    ]);
    expect(taint[0]!.trace!.map((s) => [s.label, s.line])).toEqual([
      ['source: boto3.client().download_file (download)', 6],
      ['bound by with to fh', 7],
      ['sink: pickle.load() — the value is deserialised, which can run code', 8],
    ]);
  });
});

describe('a file the pipeline writes a response into', () => {
  it('flows from the response, through the write, into whatever reads the file; a file written from the pipeline\'s own values does not', () => {
    const code = py`
      import pickle
      import requests

      resp = requests.get("https://models.example.com/clf.pkl", timeout=30)
      with open("/srv/models/clf.pkl", "wb") as out:
          out.write(resp.content)
      clf = pickle.load(open("/srv/models/clf.pkl", "rb"))
      with open("/srv/cache/state.pkl", "wb") as cache:
          cache.write(pickle.dumps({"run": 1}))
      state = pickle.load(open("/srv/cache/state.pkl", "rb"))
    `;
    const taint = analyzePythonText(code, 'jobs/fetch_model.py').findings.filter((f) => f.ruleId.startsWith('py.taint.'));
    expect(taint.map((f) => [f.ruleId, f.location.startLine])).toEqual([['py.taint.deserialization', 7]]);
    expect(taint[0]!.trace!.map((s) => [s.label, s.line])).toEqual([
      ['source: requests.get (api)', 4],
      ['assigned to resp', 4],
      ['written to /srv/models/clf.pkl', 6],
      ['sink: pickle.load() — the value is deserialised, which can run code', 7],
    ]);
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

describe('model loading', () => {
  it('follows a run parameter into torch.load unless weights_only=True, and into the repository a trust_remote_code load runs', () => {
    const code = py`
      import torch
      from datasets import load_dataset
      from transformers import AutoModel
      from airflow.models import Variable

      path = Variable.get("checkpoint")
      weights = torch.load(path, weights_only=True)
      model = torch.load(path, map_location="cpu")
      repo = Variable.get("encoder")
      encoder = AutoModel.from_pretrained(repo, trust_remote_code=True)
      plain = AutoModel.from_pretrained(repo)
      rows = load_dataset(repo, trust_remote_code=True)
    `;
    const taint = analyzePythonText(code, 'jobs/score.py').findings.filter((f) => f.ruleId.startsWith('py.taint.'));
    expect(taint.map((f) => [f.ruleId, f.location.startLine, f.severity])).toEqual([
      ['py.taint.deserialization', 8, 'critical'],
      ['py.taint.code-injection', 10, 'critical'],
      ['py.taint.code-injection', 12, 'critical'],
    ]);
  });
});
