import { describe, expect, it } from 'vitest';
import { analyzePythonText, py } from '../scan.js';

const ssrf = (code: string) => analyzePythonText(code, 'jobs/load.py').findings.filter((f) => f.ruleId === 'py.taint.ssrf');

describe('a pandas or polars reader given a path the data chooses', () => {
  it('fetches it as a URL of any scheme: SSRF with a trace to the run parameter, the message or the event', () => {
    const code = py`
      import json
      import pandas as pd
      import polars as pl
      from airflow.models import Variable
      from kafka import KafkaConsumer

      feed = pd.read_csv(Variable.get("feed_url"))
      for msg in KafkaConsumer("manifests"):
          job = json.loads(msg.value)
          part = pd.read_parquet(path=job["parquet_uri"])
          sheet = pd.read_excel(job["xlsx"], sheet_name=0)
          lazy = pl.scan_csv(job["csv"])
      def handler(event, context):
          return pd.read_table(event["path"], sep="\\t")
    `;
    const found = ssrf(code);
    expect(found.map((f) => [f.location.startLine, f.severity, f.confidence])).toEqual([
      [7, 'high', 'high'],
      [10, 'high', 'high'],
      [11, 'high', 'high'],
      [12, 'high', 'high'],
      [14, 'high', 'high'],
    ]);
    expect(found[0]!.trace!.map((s) => s.label)).toEqual([
      'source: airflow.models.Variable.get (airflow-conf)',
      'sink: pandas.read_csv() — the value is read from wherever it points (a URL of any scheme: http, ftp, s3, file)',
    ]);
  });

  it('reads a stream handed to it where it is: an object or response body, an open file, a buffer, stdin', () => {
    const code = py`
      import gzip, io, sys, zipfile
      import boto3, requests
      import pandas as pd
      from airflow.models import Variable

      obj = boto3.client("s3").get_object(Bucket="landing", Key=Variable.get("key"))
      a = pd.read_csv(obj["Body"])
      resp = requests.get("https://api.example.com/export", timeout=10)
      b = pd.read_csv(io.StringIO(resp.text))
      c = pd.read_parquet(io.BytesIO(obj["Body"].read()))
      d = pd.read_csv(resp.raw)
      e = pd.read_csv(gzip.open(Variable.get("local_gz")))
      with open(Variable.get("local_csv")) as handle:
          f = pd.read_csv(handle)
      with zipfile.ZipFile(Variable.get("bundle")) as bundle:
          g = pd.read_csv(bundle.open(Variable.get("member")))
      h = pd.read_csv(sys.stdin)
    `;
    expect(ssrf(code)).toEqual([]);
  });

  it('cannot be pointed elsewhere by what is spliced after a written-out host or into a local path', () => {
    const code = py`
      import pandas as pd
      from airflow.models import Variable

      day = Variable.get("day")
      a = pd.read_csv(f"s3://landing/{day}/orders.csv")
      b = pd.read_csv("exports/" + day + ".csv")
      c = pd.read_parquet(f"/data/{day}.parquet")
      d = pd.read_csv(f"{day}/orders.csv")
      e = pd.read_csv("s3://" + day)
    `;
    expect(ssrf(code).map((f) => f.location.startLine)).toEqual([8, 9]);
  });

  it('takes a JSON, HTML or XML reader handed the document text as parsing it, and handed anything else as fetching it', () => {
    const code = py`
      import json
      import boto3, requests
      import pandas as pd
      from airflow.models import Variable

      resp = requests.get("https://api.example.com/items", timeout=10)
      items = pd.read_json(resp.text)
      tables = pd.read_html(resp.content)
      body = boto3.client("s3").get_object(Bucket="landing", Key=Variable.get("key"))["Body"].read()
      rows = pd.read_xml(body.decode("utf-8"))
      again = pd.read_json(json.dumps(resp.json()["rows"]))
      feed = pd.read_json(Variable.get("feed_url"))
      page = pd.read_html(io=resp.json()["next"])
      doc = pd.read_xml(Variable.get("xml_url"), xpath="//row")
    `;
    const found = ssrf(code);
    expect(found.map((f) => [f.location.startLine, f.severity])).toEqual([
      [12, 'high'],
      [13, 'high'],
      [14, 'high'],
    ]);
    expect(found[0]!.message).toContain('pandas.read_json()');
  });
});
