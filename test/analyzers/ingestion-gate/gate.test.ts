import { describe, expect, it } from 'vitest';
import { unvalidatedIngestionRule as rule } from '../../../src/analyzers/ingestion-gate/rule.js';
import { assessTree } from '../../helpers/assess-tree.js';

async function unvalidated(files: Record<string, string>): Promise<string[]> {
  const result = await assessTree(files, { only: ['data'] });
  expect(result.errors).toEqual([]);
  return result.findings.filter((f) => f.ruleId === rule.id).map((f) => `${f.location.file}:${f.location.startLine}`);
}

describe('data.ingestion.unvalidated', () => {
  it('reports the bad example at the read and not the good one', async () => {
    const [bad] = rule.bad;
    const [good] = rule.good;
    expect(await unvalidated({ [bad!.file]: bad!.code })).toEqual(['jobs/load_orders.py:3']);
    expect(await unvalidated({ [good!.file]: good!.code })).toEqual([]);
  });

  it('reports the request a handler serves once, the same call on one line once, and no import of the request object', async () => {
    const code = [
      'import requests',
      'from flask import Flask, request',
      '',
      'app = Flask(__name__)',
      '',
      '@app.post("/ingest")',
      'def ingest():',
      '    rows = request.get_json()["rows"]',
      '    source = request.headers.get("X-Source")',
      '    return store(rows, source, request.args)',
      '',
      '@app.get("/peek")',
      'def peek():',
      '    return request.args["n"]',
      '',
      'pair = (requests.get("https://api.example.com/a", timeout=5).json(), requests.get("https://api.example.com/b", timeout=5).json())',
      '',
    ].join('\n');
    const result = await assessTree({ 'app/api.py': code }, { only: ['data'] });
    const found = result.findings.filter((f) => f.ruleId === rule.id);
    expect(found.map((f) => `${f.location.file}:${f.location.startLine}`)).toEqual(['app/api.py:8', 'app/api.py:14', 'app/api.py:16']);
    expect(found[0]!.message).toMatch(/^flask\.request reads request data/);
  });

  it('takes a name bound in a function for that function\'s own, not for a request imported in another function', async () => {
    const code = [
      'class Wrapped:',
      '    def __call__(self):',
      '        from flask import request',
      '        return self.callback(request.get_json())',
      '',
      'class Converted:',
      '    def __call__(self, request):',
      '        return self.callback(request, request.url, request.headers)',
      '',
    ].join('\n');
    expect(await unvalidated({ 'core/utils.py': code })).toEqual(['core/utils.py:4']);
  });

  it('counts pydantic models, jsonschema and the team’s own validate_*() as schema validation', async () => {
    const code = [
      'import json',
      'import jsonschema',
      'import pandas as pd',
      'import requests',
      'from pydantic import BaseModel',
      '',
      'class Event(BaseModel):',
      '    id: int',
      '',
      'events = [Event(**e) for e in requests.get("https://api.example.com/events", timeout=5).json()]',
      'doc = json.loads(open("in/doc.jsonl").read())',
      'jsonschema.validate(doc, {"type": "object"})',
      'frame = pd.read_parquet("in/frame.parquet")',
      'validate_frame(frame)',
      'unchecked = pd.read_csv("in/raw.csv")',
      '',
    ].join('\n');
    expect(await unvalidated({ 'jobs/load.py': code })).toEqual(['jobs/load.py:15']);
  });

  it('counts a validated document as validating the file text it was parsed from', async () => {
    const code = [
      'import json',
      'import jsonschema',
      'with open("in/events.jsonl") as f:',
      '    for line in f:',
      '        jsonschema.validate(json.loads(line), {"type": "object"})',
      'raw = open("in/other.jsonl").read()',
      '',
    ].join('\n');
    expect(await unvalidated({ 'jobs/load.py': code })).toEqual(['jobs/load.py:6']);
    const lines = await assessTree({ 'jobs/lines.py': 'import os\nfor line in open("in/cmds.txt"):\n    os.system(line)\n' }, { only: ['data'] });
    expect(lines.findings.map((f) => f.message)).toEqual(['iteration over a file reads in/cmds.txt, and nothing in this module checks it against a schema before it is used']);
  });

  it('reports a call once where its callee spells a word of the name-shaped sources (urllib.request)', async () => {
    const code = 'import urllib.request\n\ndef fetch(url):\n    return urllib.request.urlopen(url, timeout=5)\n';
    expect(await unvalidated({ 'jobs/fetch.py': code })).toEqual(['jobs/fetch.py:4']);
  });

  it('leaves configuration reads and operator input alone', async () => {
    const code = 'import json\nimport os\nimport sys\n\ncfg = json.load(open("config.json"))\nout = sys.argv[1]\nregion = os.environ["REGION"]\n';
    expect(await unvalidated({ 'jobs/config.py': code })).toEqual([]);
  });

  it('leaves queries that read only figures over the rows (a count, a high-water mark), not the rows', async () => {
    const code = [
      'from airflow.providers.postgres.hooks.postgres import PostgresHook',
      '',
      'def freshness():',
      '    hook = PostgresHook(postgres_conn_id="warehouse")',
      '    (count,) = hook.get_first("SELECT COUNT(*) FROM cpi")',
      '    mark = hook.get_first("SELECT MAX(extracted_at) AS mark FROM raw.accounts")[0]',
      '    rows = hook.get_records("SELECT id, amount FROM raw.payments WHERE extracted_at > %s", parameters=(mark,))',
      '    cur = hook.get_conn().cursor()',
      '    cur.execute("SELECT count(*) FROM raw.contacts")',
      '    contacts = cur.fetchone()',
      '    return count, rows, contacts',
      '',
    ].join('\n');
    expect(await unvalidated({ 'dags/freshness.py': code })).toEqual(['dags/freshness.py:7']);
  });

  it('leaves a response read only for how the call went, and reports one whose body is used', async () => {
    const code = [
      'import requests',
      '',
      'def trigger(url, key):',
      '    response = requests.post(f"{url}/api/rebuild", json={"key": key}, timeout=900)',
      '    if response.status_code != 200:',
      '        raise ValueError(f"rebuild failed {response.status_code}: {response.text}")',
      '',
      'def notify(hook):',
      '    r = requests.post(hook, json={"text": "done"}, timeout=10)',
      '    r.raise_for_status()',
      '',
      'def fetch(url):',
      '    r = requests.get(url, timeout=10)',
      '    r.raise_for_status()',
      '    return r.json()["rows"]',
      '',
    ].join('\n');
    expect(await unvalidated({ 'dags/calls.py': code })).toEqual(['dags/calls.py:13']);
  });

  it('reports notebook reads at lines of the raw file', async () => {
    const notebook = JSON.stringify(
      { cells: [{ cell_type: 'code', metadata: {}, outputs: [], execution_count: null, source: ['import pandas as pd\n', 'raw = pd.read_csv("s3://landing/x.csv")\n'] }], metadata: {}, nbformat: 4, nbformat_minor: 5 },
      null,
      1,
    );
    const [spot] = await unvalidated({ 'explore.ipynb': notebook });
    const line = Number(spot!.split(':')[1]);
    expect(notebook.split('\n')[line - 1]).toContain('pd.read_csv');
  });
});
