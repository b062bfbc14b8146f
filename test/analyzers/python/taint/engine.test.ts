import { describe, expect, it } from 'vitest';
import { analyzePythonSource } from '../../../../src/analyzers/python/index.js';
import type { PythonFacts } from '../../../../src/analyzers/python/facts.js';
import { assessTree } from '../../../helpers/assess-tree.js';
import { py, scan } from '../scan.js';

const taint = (code: string) => scan(code).filter((f) => f.ruleId.startsWith('py.taint.'));
const trace = (code: string, rule: string) => scan(code, rule)[0]?.trace?.map((s) => `${s.file}:${s.line}:${s.label}`);

describe('Python taint engine', () => {
  it('follows a CLI argument through assignments and f-strings into SQL, with the whole trace', () => {
    const code = py`
      import sys
      import sqlite3
      conn = sqlite3.connect("w.db")
      day = sys.argv[1]
      where = f"ds = '{day}'"
      conn.execute("SELECT * FROM t WHERE " + where)
    `;
    const [finding] = scan(code, 'py.taint.sql-injection');
    expect(finding?.confidence).toBe('high');
    expect(trace(code, 'py.taint.sql-injection')).toEqual([
      'job.py:4:source: sys.argv (argv)',
      'job.py:4:assigned to day',
      'job.py:5:assigned to where',
      'job.py:6:sink: sqlite3.connect().execute() — the value runs as SQL',
    ]);
    // The pattern rule's finding on the same call is replaced, not repeated.
    expect(scan(code, 'py.sql-injection.formatted-query')).toEqual([]);
  });

  it('replaces the pattern finding on a query built inside the sink call, over every line the call spans', () => {
    const code = py`
      import pandas as pd
      from psycopg2 import sql
      from sqlalchemy import text
      df = pd.read_csv("accounts.csv")
      for _, row in df.iterrows():
          cur.execute(sql.SQL("SELECT * FROM " + row["table"]))
          conn.execute(
              text("DELETE FROM t WHERE k = '%s'" % row["k"]),
          )
          conn.exec_driver_sql(f"DROP TABLE {row['staging']}")
      conn.execute(text("DELETE FROM t WHERE k = '%s'" % key))
    `;
    expect(scan(code, 'py.taint.sql-injection').map((f) => f.location.startLine)).toEqual([6, 7, 10]);
    // What is left is the query whose text comes from no ingestion point this analysis saw.
    expect(scan(code, 'py.sql-injection.formatted-query').map((f) => f.location.startLine)).toEqual([11]);
  });

  it('takes json.loads of a literal for no input, and follows parsed text from where it was ingested', () => {
    const code = py`
      import json, os, subprocess
      from kafka import KafkaConsumer
      DEFAULTS = '{"cmd": "ls -l"}'
      os.system(json.loads(DEFAULTS)["cmd"])
      for msg in KafkaConsumer("events"):
          event = json.loads(msg.value)
          subprocess.run(event["hook"], shell=True)
      def handle(raw):
          os.system(json.loads(raw)["cmd"])
    `;
    expect(scan(code, 'py.taint.command-injection').map((f) => f.location.startLine)).toEqual([7, 9]);
    expect(trace(code, 'py.taint.command-injection')?.[0]).toBe('job.py:5:source: kafka.KafkaConsumer (queue)');
  });

  it('takes a file the path names as code (schema.sql, a template) for the project\'s own, not for ingested data', () => {
    const code = py`
      import os, pathlib, sqlite3
      conn = sqlite3.connect("w.db")
      conn.executescript(open("schema.sql").read())
      with open(pathlib.Path(__file__).parent / "seed.sql") as f:
          conn.executescript(f.read())
      conn.execute(pathlib.Path("views.sql").read_text())
      conn.execute(open("landing/statements.txt").read())
      os.system(pathlib.Path(os.environ["INBOX"]).read_text())
    `;
    expect(taint(code).map((f) => [f.ruleId, f.location.startLine])).toEqual([
      ['py.taint.sql-injection', 7],
      ['py.taint.command-injection', 8],
      ['py.taint.path-traversal', 8],
    ]);
  });

  it('takes a FastAPI route parameter declared as a number or date for no request text', () => {
    const code = py`
      import duckdb
      from fastapi import FastAPI
      app = FastAPI()
      @app.get("/rows")
      def rows(limit: int, since: datetime.date | None = None, col: str = "a"):
          duckdb.sql(f"SELECT * FROM t WHERE d > '{since}' LIMIT {limit}")
          duckdb.sql(f"SELECT {col} FROM t")
    `;
    expect(scan(code).filter((f) => f.ruleId.includes('sql')).map((f) => [f.ruleId, f.location.startLine])).toEqual([['py.taint.sql-injection', 7]]);
  });

  it('follows parameters and return values within a file', () => {
    const code = py`
      import os
      def build(cmd):
          return "sh -c " + cmd
      def run(line):
          os.system(line)
      run(build(os.environ["CMD"]))
    `;
    expect(trace(code, 'py.taint.command-injection')).toEqual([
      'job.py:6:source: os.environ (env)',
      'job.py:6:passed to build() as cmd',
      'job.py:3:returned',
      'job.py:6:returned from build()',
      'job.py:6:passed to run() as line',
      'job.py:5:sink: os.system() — the value runs as a shell command',
    ]);
  });

  it('follows calls on self and cls into static and class methods, each filling its own parameters', () => {
    const code = py`
      import os
      import sys
      class Job:
          @staticmethod
          def shell(cmd):
              os.system(cmd)
          @classmethod
          def quoted(cls, part):
              cls.shell("echo " + part)
          def go(self):
              self.quoted(sys.argv[1])
    `;
    expect(trace(code, 'py.taint.command-injection')).toEqual([
      'job.py:11:source: sys.argv (argv)',
      'job.py:11:passed to quoted() as part',
      'job.py:9:passed to shell() as cmd',
      'job.py:6:sink: os.system() — the value runs as a shell command',
    ]);
  });

  it('takes a method the class defines for its own, not for the library API of that name', () => {
    const code = py`
      import boto3
      class Store:
          def __init__(self):
              self.s3 = boto3.client("s3")
          @classmethod
          def get_object(cls, obj):
              return obj
          def load(self, key):
              frame = self.get_object(key)
              return self.s3.get_object(Bucket="landing", Key=key)
    `;
    const sources = analyzePythonSource(code, 'job.py').facts.lineage!.sources.map((s) => `${s.api}:${s.line}`);
    expect(sources).toEqual(['self.s3.get_object:10']);
  });

  it('follows class attributes between methods, loops, with targets and DataFrame access', () => {
    const code = py`
      import pandas as pd
      class Job:
          def __init__(self, path):
              self.frame = pd.read_csv(path)
          def run(self):
              for expr in self.frame["rule"].tolist():
                  eval(expr)
    `;
    expect(taint(code).map((f) => `${f.ruleId} L${f.location.startLine}`)).toEqual(['py.taint.code-injection L7']);
    const withCode = py`
      import requests
      import xml.etree.ElementTree as ET
      with requests.get("https://x.example/feed", timeout=5) as resp:
          ET.fromstring(resp.text)
    `;
    expect(scan(withCode, 'py.taint.xxe')).toHaveLength(1);
  });

  it.each([
    ['a cast', 'import sys, os\nos.system("kill " + str(int(sys.argv[1])))\n'],
    ['shlex.quote', 'import sys, os, shlex\nos.system("ls " + shlex.quote(sys.argv[1]))\n'],
    ['an allow-list guard', 'import sys, os\nALLOWED = {"a"}\nx = sys.argv[1]\nif x in ALLOWED:\n    os.system("run " + x)\n'],
    ['a guard that exits', 'import sys, os\nx = sys.argv[1]\nif x not in {"a"}:\n    raise SystemExit(1)\nos.system("run " + x)\n'],
    ['an allow-list conditional', 'import sys, os\nx = sys.argv[1]\nos.system("run " + (x if x in {"a"} else "b"))\n'],
    ['re.fullmatch', 'import sys, os, re\nx = sys.argv[1]\nif re.fullmatch(r"[a-z]+", x):\n    os.system("run " + x)\n'],
    ['an allow-list guard on a subscript', 'import json, os\nrow = json.load(open("r.json"))\nif row["kind"] in {"a"}:\n    os.system(f"run {row[\'kind\']}")\n'],
    ['an exiting guard on an attribute', 'import os, sys\nargs = parser.parse_args()\nif not args.mode.isalnum():\n    sys.exit(1)\nos.system("run " + args.mode)\n'],
    ['a pydantic model', 'import os, sys\nfrom pydantic import BaseModel\nclass Cmd(BaseModel):\n    n: int\nc = Cmd(n=sys.argv[1])\nos.system(c)\n'],
  ])('stops a flow at %s', (_what, code) => {
    expect(taint(code)).toEqual([]);
  });

  it('takes messages delivered to a Pub/Sub callback, a Lambda event and Kafka records as ingestion points', () => {
    const pubsub = py`
      import os
      from google.cloud import pubsub_v1
      def on_message(message):
          os.system(message.data.decode())
      pubsub_v1.SubscriberClient().subscribe("projects/p/subscriptions/s", callback=on_message)
    `;
    expect(trace(pubsub, 'py.taint.command-injection')?.[0]).toBe('job.py:3:source: message delivered to on_message() (queue)');
    const lambda = py`
      import os
      def lambda_handler(event, context):
          os.system("process " + event["Records"][0]["s3"]["object"]["key"])
    `;
    expect(trace(lambda, 'py.taint.command-injection')?.[0]).toBe('job.py:2:source: AWS Lambda event (request)');
    const kafka = py`
      import os
      from kafka import KafkaConsumer
      for record in KafkaConsumer("events"):
          os.system(record.value.decode())
    `;
    expect(trace(kafka, 'py.taint.command-injection')?.[0]).toMatch(/source: kafka\.KafkaConsumer \(queue\)/);
    // The same shapes without the entry point: a plain function's event, a callback nobody subscribes.
    const plain = py`
      import os
      def on_message(message):
          os.system(message.data.decode())
      def replay(event, context):
          os.system("process " + event["key"])
    `;
    expect(taint(plain)).toEqual([]);
  });

  it('takes rows fetched from a database as an ingestion point, and Airflow SQL hooks as SQL sinks', () => {
    const code = py`
      import sqlite3
      from airflow.providers.postgres.hooks.postgres import PostgresHook
      from airflow.providers.http.hooks.http import HttpHook
      conn = sqlite3.connect("w.db")
      name = conn.execute("SELECT name FROM purge_queue").fetchone()[0]
      conn.execute(f"DROP TABLE {name}")
      hook = PostgresHook(postgres_conn_id="warehouse")
      for (schema,) in hook.get_records("SELECT schema_name FROM tenants"):
          hook.run(f"VACUUM {schema}.events")
      HttpHook(http_conn_id="api").run(f"/tenants/{schema}")
    `;
    expect(taint(code).map((f) => `${f.ruleId} L${f.location.startLine}`)).toEqual(['py.taint.sql-injection L6', 'py.taint.sql-injection L9']);
    expect(trace(code, 'py.taint.sql-injection')?.[0]).toBe('job.py:5:source: sqlite3.connect().execute().fetchone (table)');
    const lineage = (analyzePythonSource(code, 'job.py').facts as PythonFacts).lineage!;
    expect(lineage.sources.find((s) => s.line === 8)?.dataset).toBe('tenants');
  });

  it('keeps a flow that re.match checks only at its start', () => {
    const prefix = 'import os, re, sys\nx = sys.argv[1]\nif re.match(r"[a-z]+", x):\n    os.system("run " + x)\n';
    expect(taint(prefix).map((f) => f.ruleId)).toEqual(['py.taint.command-injection']);
    expect(taint(prefix.replace('[a-z]+', '[a-z]+$'))).toEqual([]);
  });

  it('keeps a flow whose checked path differs from the one reaching the sink', () => {
    const code = 'import json, os\nrow = json.load(open("r.json"))\nif row["kind"] in {"a"}:\n    os.system(f"run {row[\'path\']}")\n';
    expect(taint(code).map((f) => f.ruleId)).toEqual(['py.taint.command-injection']);
  });

  it('does not take json.dumps as quoting for a shell: "$(…)" in its output still runs', () => {
    const code = 'import json, os, sys\nos.system("echo " + json.dumps(sys.argv[1]))\n';
    expect(taint(code).map((f) => f.ruleId)).toEqual(['py.taint.command-injection']);
  });

  it('takes eval and query on a receiver of unknown type as DataFrame evaluation, not on a driver or Tk', () => {
    const code = py`
      import sys
      import pymysql
      import tkinter
      import pandas as pd
      pymysql.connect(host="db").query(sys.argv[1])
      tkinter.Tk().tk.eval(sys.argv[2])
      pd.read_csv("a.csv").query(sys.argv[3])
      frame.eval(sys.argv[4])
    `;
    expect(taint(code).map((f) => `${f.ruleId} L${f.location.startLine}`)).toEqual(['py.taint.sql-injection L5', 'py.taint.code-injection L7', 'py.taint.code-injection L8']);
  });

  it('takes a pickle round trip as a copy: bytes dumped here load back into the object given', () => {
    const code = py`
      import pickle
      import pandas as pd
      frame = pd.read_csv("in/a.csv")
      copy = pickle.loads(pickle.dumps(frame))
      raw = open("in/b.bin", "rb").read()
      obj = pickle.loads(raw)
    `;
    expect(scan(code).filter((f) => f.ruleId.includes('deserial') || f.ruleId.includes('pickle')).map((f) => `${f.ruleId}:${f.location.startLine}`)).toEqual(['py.taint.deserialization:6']);
  });

  it('follows downloaded bytes into cloudpickle, numpy with allow_pickle=True and the PyYAML loaders that build objects', () => {
    const code = py`
      import boto3, cloudpickle, numpy as np, yaml
      s3 = boto3.client("s3")
      blob = s3.get_object(Bucket="models", Key="udf.pkl")["Body"].read()
      fn = cloudpickle.loads(blob)
      weights = np.load(s3.get_object(Bucket="models", Key="w.npy")["Body"], allow_pickle=True)
      plain = np.load(s3.get_object(Bucket="models", Key="v.npy")["Body"])
      spec = yaml.full_load(blob)
      unsafe = yaml.load(blob, Loader=yaml.Loader)
      bare = yaml.load(blob)
      class EnvLoader(yaml.SafeLoader):
          pass
      safe = yaml.load(blob, Loader=EnvLoader)
      also_safe = yaml.load(blob, Loader=yaml.CSafeLoader)
    `;
    const found = scan(code).filter((f) => f.ruleId === 'py.taint.deserialization');
    expect(found.map((f) => f.location.startLine)).toEqual([4, 5, 7, 8, 9]);
    expect(found.every((f) => f.confidence === 'high')).toBe(true);
  });

  it('takes a URL from a queue message opened with fsspec or smart_open for a request the data chooses', () => {
    const code = py`
      import json, fsspec, smart_open
      from kafka import KafkaConsumer
      for msg in KafkaConsumer("jobs"):
          job = json.loads(msg.value)
          with fsspec.open(job["path"]) as f:
              f.read()
          with smart_open.open(job["uri"], "rb") as f:
              f.read()
          with fsspec.open("s3://landing/jobs.json") as f:
              f.read()
    `;
    const found = scan(code).filter((f) => f.ruleId === 'py.taint.ssrf');
    expect(found.map((f) => [f.location.startLine, f.confidence])).toEqual([
      [5, 'high'],
      [7, 'high'],
    ]);
  });

  it('takes a descriptor number or a stream offset for an int, not for the stream it was asked of', () => {
    const code = py`
      import os
      import sys
      def reopen(f, mode):
          return open(os.dup(f.fileno()), mode)
      reopen(sys.stdin, "rb")
      data = sys.stdin.read()
      open(data)
    `;
    expect(taint(code).map((f) => `${f.ruleId}:${f.location.startLine}`)).toEqual(['py.taint.path-traversal:7']);
  });

  it('takes the name and encoding of stdin for what the stream is, not for data read from it', () => {
    const code = py`
      import sys
      class Input:
          def __init__(self):
              self.source = sys.stdin
              self.source_path = self.source.name
          def reread(self):
              return open(self.source_path, "rb").read()
          def follow(self):
              return open(self.source.readline().strip())
    `;
    expect(taint(code).map((f) => `${f.ruleId}:${f.location.startLine}`)).toEqual(['py.taint.path-traversal:9']);
  });

  it('takes csv.reader over text already in memory for a parser, following the text instead of a file read', () => {
    const code = py`
      import csv
      import io
      import os
      import requests
      def split(value):
          return list(csv.reader(io.StringIO(value)))[0]
      for row in csv.reader(["a,b", "c,d"]):
          os.system(row[0])
      body = requests.get("https://api.example.com/rows", timeout=5).text
      for row in csv.reader(io.StringIO(body)):
          os.system(row[1])
      for row in csv.reader(open("in/rows.csv")):
          os.system(row[2])
    `;
    const found = taint(code).map((f) => `${f.ruleId}:${f.location.startLine}:${f.message.match(/from (\S+)/)?.[1]}`);
    expect(found).toEqual(['py.taint.command-injection:11:requests.get', 'py.taint.command-injection:13:csv.reader']);
    const { lineage } = analyzePythonSource(code, 'job.py').facts as PythonFacts;
    expect(lineage!.sources.map((s) => `${s.api}:${s.line}`)).toEqual(['requests.get:9', 'csv.reader:12']);
  });

  it('takes a query method with more than one positional argument for another API than DataFrame.query', () => {
    const code = py`
      import json
      import pandas as pd
      body = json.loads(open("request.json").read())
      frame = pd.read_csv("in/orders.csv")
      items = backend.query(body["table"], body["key"], "EQ", body["values"])
      rows = frame.query(body["filter"])
    `;
    expect(taint(code).map((f) => `${f.ruleId}:${f.location.startLine}`)).toEqual(['py.taint.code-injection:6']);
  });

  it('takes a path built only to be written into a message for text, not a file access', () => {
    const code = py`
      import json
      import logging
      import os
      LOGGER = logging.getLogger(__name__)
      spec = json.load(open("schema.json"))
      name = spec["typeName"]
      LOGGER.info("patch failed %s", os.path.join("patches", name))
      print(os.path.join("patches", name))
      message = f"missing {os.path.join('patches', name)}"
      for entry in os.listdir(os.path.join("patches", name)):
          pass
      open(f"{os.path.join('patches', name)}")
    `;
    expect(taint(code).map((f) => `${f.ruleId}:${f.location.startLine}`)).toEqual(['py.taint.path-traversal:10', 'py.taint.path-traversal:12']);
  });

  it('judges urlopen() of a Request by the URL the Request was built with, not by its headers', () => {
    const code = py`
      import os
      import json
      from urllib.request import Request, urlopen
      token = os.getenv("GITHUB_TOKEN")
      request = Request("https://api.github.com/repos/acme/etl/actions/artifacts", headers={"Authorization": f"Bearer {token}"})
      with urlopen(request) as response:
          listing = json.loads(response.read())
      download = Request(listing["artifacts"][0]["archive_download_url"])
      urlopen(download)
      urlopen(listing["next"])
    `;
    expect(taint(code).map((f) => `${f.ruleId}:${f.location.startLine}`)).toEqual(['py.taint.ssrf:8', 'py.taint.ssrf:10']);
  });

  it('ranks a URL the job\'s environment or command line names low, and one from an Airflow Variable or a record high', () => {
    const code = py`
      import os
      import sys
      import requests
      from airflow.models import Variable
      requests.post(os.environ["RESULTS_ENDPOINT"], json={}, timeout=10)
      requests.get(sys.argv[1], timeout=10)
      requests.get(Variable.get("enrich_url"), timeout=10)
      rows = requests.get("https://feed.example.com/items", timeout=10).json()
      requests.get(rows[0]["next"], timeout=10)
    `;
    expect(scan(code, 'py.taint.ssrf').map((f) => [f.location.startLine, f.severity, f.confidence])).toEqual([
      [5, 'low', 'low'],
      [6, 'low', 'low'],
      [7, 'high', 'high'],
      [9, 'high', 'high'],
    ]);
    expect(scan(code, 'py.taint.ssrf')[0]!.message).toContain('(a command-line or environment value: trusted as far as the job’s operator is)');
  });

  it('fetches a URL through aiohttp sessions, httpx streams and every verb of the module functions and clients', () => {
    const code = py`
      import aiohttp
      import httpx
      import requests
      from flask import Flask, request

      app = Flask(__name__)

      @app.route("/proxy")
      async def proxy():
          url = request.args["url"]
          async with aiohttp.ClientSession() as session:
              async with session.get(url) as reply:
                  body = await reply.text()
          requests.patch(url, timeout=5)
          httpx.head(url)
          with httpx.stream("GET", url) as r:
              pass
          async with httpx.AsyncClient() as client:
              await client.patch(url)
          async with aiohttp.request("GET", url) as r:
              pass
          return body
    `;
    expect(scan(code, 'py.taint.ssrf').map((f) => f.location.startLine)).toEqual([12, 14, 15, 16, 19, 20]);
  });

  it('does not report data that picks only the path or query on a host the code writes out, however the URL is built', () => {
    const code = py`
      import json
      import requests
      from urllib.request import urlopen
      BASE = "https://api.example.com/v2/"
      row = json.loads(open("replay.jsonl").readline())
      requests.get(f"https://api.example.com/items/{row['id']}", timeout=5)
      requests.get(BASE + row["id"], timeout=5)
      requests.get("https://api.example.com/search?q=%s" % row["q"], timeout=5)
      urlopen("https://api.example.com/{}/{}".format(row["kind"], row["id"]))
      link = f"https://api.example.com/items/{row['id']}"
      requests.get(link, timeout=5)
      requests.get(f"https://{row['host']}/items", timeout=5)
      requests.get(f"https://api.example.com{row['path']}", timeout=5)
      requests.get("https://" + row["host"] + "/items", timeout=5)
      requests.get(row["base"] + "/items", timeout=5)
      open(f"https://api.example.com/{row['id']}".replace("https://api.example.com", "/srv"))
    `;
    expect(scan(code, 'py.taint.ssrf').map((f) => f.location.startLine)).toEqual([12, 13, 14, 15]);
    // Confined for SSRF only: the same text is still a path the record chose.
    expect(scan(code, 'py.taint.path-traversal').map((f) => f.location.startLine)).toEqual([16]);
  });

  it('reads a field of an instance of a class of this file as what its __init__ stores there, not every argument of the call', () => {
    const code = py`
      import json
      import sys
      import subprocess
      class Job(object):
          def __init__(self, command, body, note="manual"):
              self.command = command
              self.body = body.strip()
              self.note = note
      payload = json.loads(sys.stdin.read())
      fixed = Job("make load", payload["body"])
      subprocess.run(fixed.command, shell=True)
      subprocess.run(fixed.body, shell=True)
      chosen = Job(payload["cmd"], "")
      subprocess.run(chosen.command, shell=True)
      subprocess.run(Job("x", "", note=payload["note"]).note, shell=True)
      labelled = Job("x", "", note=payload["note"])
      subprocess.run(labelled.note, shell=True)
    `;
    expect(scan(code, 'py.taint.command-injection').map((f) => f.location.startLine)).toEqual([12, 14, 15, 17]);
    expect(trace(code, 'py.taint.command-injection')).toEqual([
      'job.py:9:source: sys.stdin (stdin)',
      'job.py:9:assigned to payload',
      'job.py:10:passed to Job()',
      'job.py:7:stored in self.body',
      'job.py:12:sink: subprocess.run() — the value runs as a shell command (shell=True)',
    ]);
  });

  it('keeps the whole object\'s flows where a base class or another method may set the field, and adds what the code stores in the instance', () => {
    const code = py`
      import json
      import sys
      import subprocess
      class Base:
          def __init__(self, command):
              self.command = command
      class Job(Base):
          def __init__(self, command, body):
              super().__init__(command)
              self.body = body
      class Task:
          def __init__(self, command, body):
              self.command = command
              self.body = body
          def reset(self, command):
              self.command = command
      payload = json.loads(sys.stdin.read())
      job = Job("make load", payload["body"])
      subprocess.run(job.command, shell=True)
      task = Task("make load", payload["body"])
      subprocess.run(task.command, shell=True)
      other = Task("make load", "")
      other.command = payload["cmd"]
      subprocess.run(other.command, shell=True)
    `;
    expect(scan(code, 'py.taint.command-injection').map((f) => f.location.startLine)).toEqual([19, 21, 24]);
    expect(scan(code, 'py.taint.command-injection')[2]!.trace!.slice(-2).map((s) => `${s.line}:${s.label}`)).toEqual([
      '23:stored in other.command',
      '24:sink: subprocess.run() — the value runs as a shell command (shell=True)',
    ]);
  });

  it('takes the URL of request(method, url) from its second argument, for SSRF and for lineage', () => {
    const code = py`
      import json
      import requests
      import urllib3
      row = json.loads(open("replay.jsonl").readline())
      requests.request("GET", row["url"], timeout=5)
      requests.request(row["method"], "https://api.example.com/events", timeout=5)
      urllib3.PoolManager().request("PUT", row["callback"], body=b"{}")
      http = urllib3.PoolManager()
      reply = http.request("GET", "https://feed.example.com/items.json")
    `;
    expect(scan(code, 'py.taint.ssrf').map((f) => f.location.startLine)).toEqual([5, 7]);
    const lineage = (analyzePythonSource(code, 'job.py').facts as PythonFacts).lineage!;
    expect(lineage.sources.find((s) => s.line === 9)?.dataset).toBe('https://feed.example.com/items.json');
  });

  it('takes a tar extraction with a checking filter, and any zip extraction, for safe; no filter or the fully-trusted one is not', () => {
    const code = py`
      import io
      import shutil
      import tarfile
      import zipfile
      import requests
      payload = io.BytesIO(requests.get("https://vendor.example.com/drop.tgz", timeout=30).content)
      with tarfile.open(fileobj=payload) as tar:
          tar.extractall("staging", filter="data")
          tar.extract("manifest.json", "staging", filter=tarfile.tar_filter)
          tar.extractall("staging")
          tar.extractall("staging", filter="fully_trusted")
          tar.extractall("staging", filter=None)
      zipfile.ZipFile(payload).extractall("staging")
      archive = requests.get("https://vendor.example.com/name", timeout=30).text
      shutil.unpack_archive(archive, "staging", filter="data")
      shutil.unpack_archive(archive, "staging")
    `;
    expect(taint(code).map((f) => `${f.ruleId}:${f.location.startLine}`)).toEqual([
      'py.taint.path-traversal:10',
      'py.taint.path-traversal:11',
      'py.taint.path-traversal:12',
      'py.taint.path-traversal:16',
    ]);
  });

  it('takes a module function for a sink only where the module is imported, not a variable of its name', () => {
    const code = py`
      import os
      import re
      PARSERS = [(re.compile(r"(\\w):(.*)"), str)]
      def parse(path):
          for regex, parser in PARSERS:
              match = regex.match(path)
              if match:
                  return parser(match)
      parse(os.environ["PATH_IN"])
    `;
    expect(taint(code)).toEqual([]);
    const imported = py`
      import os
      import regex
      regex.match(os.environ["PATTERN"], "text")
    `;
    expect(taint(imported).map((f) => f.ruleId)).toEqual(['py.taint.regex-injection']);
  });

  it('does not report sinks given only literals', () => {
    expect(taint('import os\nos.system("ls /tmp")\nimport re\nre.compile("a+")\n')).toEqual([]);
  });

  it('takes a Python operator callable\'s parameters filled with templated run input for airflow-conf sources', () => {
    const code = py`
      import subprocess
      from airflow import DAG
      from airflow.operators.python import PythonOperator
      def load(table, ds, limit, note):
          subprocess.run(f"psql -c 'TRUNCATE {table}'", shell=True)
          subprocess.run(f"echo {ds} {limit}", shell=True)
          subprocess.run(note, shell=True)
      with DAG("d", schedule=None) as dag:
          PythonOperator(
              task_id="load",
              python_callable=load,
              op_args=["{{ params.table }}"],
              op_kwargs={"ds": "{{ ds }}", "limit": "{{ dag_run.conf['limit'] | int }}", "note": "{{ ti.xcom_pull(task_ids='x') }}"},
          )
    `;
    const found = scan(code, 'py.taint.command-injection');
    expect(found.map((f) => f.location.startLine)).toEqual([5, 7]);
    expect(found[0]!.message).toContain("gets data from {{ params.table }} rendered into table by the operator at line 9 (airflow-conf)");
  });

  it('records lineage for an Airflow DAG and its job', () => {
    const code = py`
      import pandas as pd
      from airflow import DAG
      from airflow.operators.python import PythonOperator
      from airflow.operators.bash import BashOperator
      def extract(**context):
          df = pd.read_csv("s3://landing/orders.csv")
          df.to_parquet("s3://curated/orders.parquet")
      with DAG("orders") as dag:
          a = PythonOperator(task_id="extract", python_callable=extract)
          b = BashOperator(task_id="load", bash_command="echo")
          c = BashOperator(task_id="report", bash_command="echo")
          a >> b >> c
          c.set_upstream(a)
    `;
    const facts = analyzePythonSource(code, 'dags/orders.py').facts as PythonFacts;
    const lineage = facts.lineage!;
    expect(lineage.sources).toEqual([
      { id: 'dags/orders.py#L6:10', kind: 'file', api: 'pandas.read_csv', line: 6, dataset: 's3://landing/orders.csv', function: 'extract', validated: false, schemaValidated: false },
    ]);
    expect(lineage.sinks).toEqual([
      { id: 'dags/orders.py#L7:5', kind: 'file', api: 'pandas.read_csv().to_parquet', line: 7, dataset: 's3://curated/orders.parquet', function: 'extract', sources: ['dags/orders.py#L6:10'], validated: false },
    ]);
    expect(lineage.tasks.map((t) => [t.taskId, t.operator, t.callable])).toEqual([
      ['extract', 'PythonOperator', 'extract'],
      ['load', 'BashOperator', undefined],
      ['report', 'BashOperator', undefined],
    ]);
    expect(lineage.taskEdges.map((e) => `${e.from}>${e.to}`).sort()).toEqual(['extract>load', 'extract>report', 'load>report']);
    expect(lineage.functions.map((f) => f.name)).toEqual(['extract']);
  });

  it('records the image each container task runs in, where a literal or constant names it', () => {
    const code = py`
      from airflow.decorators import task
      from airflow.providers.cncf.kubernetes.operators.pod import KubernetesPodOperator
      from airflow.providers.docker.operators.docker import DockerOperator
      LOADER = "ghcr.io/acme/loader:2.1"
      fetch = KubernetesPodOperator(task_id="fetch", name="fetch",
          image="python:3.8-slim", cmds=["python", "-m", "fetch"])
      load = DockerOperator(task_id="load", image=LOADER)
      dynamic = KubernetesPodOperator(task_id="dynamic", name="d", image="{{ var.value.etl_image }}")
      @task.docker(image="python:3.12-slim")
      def score():
          return 1
    `;
    const lineage = (analyzePythonSource(code, 'dags/etl.py').facts as PythonFacts).lineage!;
    expect(lineage.tasks.map((t) => [t.taskId, t.image])).toEqual([
      ['score', { reference: 'python:3.12-slim', line: 9 }],
      ['fetch', { reference: 'python:3.8-slim', line: 6 }],
      ['load', { reference: 'ghcr.io/acme/loader:2.1', line: 7 }],
      ['dynamic', undefined],
    ]);
  });
});

describe('cross-module taint', () => {
  it('reports a source in one module reaching a sink in another through an imported function', async () => {
    const result = await assessTree(
      {
        'jobs/util.py': 'import os\n\n\ndef clean(name):\n    path = "/data/" + name\n    os.system("rm " + path)\n',
        'jobs/main.py': 'import sys\nfrom jobs.util import clean\n\narg = sys.argv[1]\nclean(arg)\n',
      },
      { only: ['sast'] },
    );
    const found = result.findings.filter((f) => f.ruleId === 'py.taint.command-injection');
    expect(found).toHaveLength(1);
    expect(found[0]!.location.file).toBe('jobs/util.py');
    expect(found[0]!.trace!.map((s) => `${s.file}:${s.line}:${s.label}`)).toEqual([
      'jobs/main.py:4:source: sys.argv (argv)',
      'jobs/main.py:4:assigned to arg',
      'jobs/main.py:5:passed to jobs.util.clean() as name',
      'jobs/util.py:5:assigned to path',
      'jobs/util.py:6:sink: os.system() — the value runs as a shell command',
    ]);
    expect(found[0]!.message).toBe('os.system() gets data from sys.argv (argv) (line 4) in jobs/main.py, through jobs.util.clean(); the value runs as a shell command');
  });

  it('ranks a command-line path handed to another module low, as within one module', async () => {
    const result = await assessTree(
      {
        'jobs/files.py': 'def read(path):\n    return open(path).read()\n',
        'jobs/main.py': 'import sys\nimport json\nfrom jobs.files import read\n\nread(sys.argv[1])\nread(json.load(open("jobs.json"))["input"])\n',
      },
      { only: ['sast'] },
    );
    const found = result.findings.filter((f) => f.ruleId === 'py.taint.path-traversal');
    expect(found.map((f) => [f.confidence, f.message.slice(0, f.message.indexOf(' (line'))])).toEqual([
      ['high', 'builtins.open() gets data from json.load (file)'],
      ['low', 'builtins.open() gets data from sys.argv (argv)'],
    ]);
  });

  it('reports a flow once when it reaches its sink both within the module and through another one', async () => {
    const result = await assessTree(
      {
        'jobs/util.py': 'def shout(text):\n    return text.upper()\n',
        'jobs/main.py': 'import os\nimport sys\nfrom jobs.util import shout\n\narg = sys.argv[1]\nos.system("echo " + arg + shout(arg))\n',
      },
      { only: ['sast'] },
    );
    const found = result.findings.filter((f) => f.ruleId === 'py.taint.command-injection');
    expect(found.map((f) => `${f.location.file}:${f.location.startLine}`)).toEqual(['jobs/main.py:6']);
  });

  it('names an ingestion point that only a call into another module meets, and keeps it in the lineage', async () => {
    const files = {
      'jobs/rules.py': 'def apply(expression):\n    return eval(expression)\n',
      'jobs/main.py': 'from jobs.rules import apply\n\nwith open("rules.txt") as f:\n    for line in f:\n        apply(line)\n',
    };
    const result = await assessTree(files, { only: ['sast'] });
    const found = result.findings.filter((f) => f.ruleId === 'py.taint.code-injection');
    expect(found.map((f) => f.message)).toEqual(['builtins.eval() gets data from iteration over a file (file rules.txt) (line 4) in jobs/main.py, through jobs.rules.apply(); the value runs as code']);
    const lineage = (analyzePythonSource(files['jobs/main.py'], 'jobs/main.py').facts as PythonFacts).lineage!;
    expect(lineage.sources.map((s) => [s.api, s.line])).toEqual([['iteration over a file', 4]]);
  });
});
