import { describe, expect, it } from 'vitest';
import { analyzePythonText, py } from '../scan.js';

const traversals = (code: string) =>
  analyzePythonText(code, 'jobs/files.py')
    .findings.filter((f) => f.ruleId === 'py.taint.path-traversal')
    .map((f) => f.location.startLine);

describe('paths kept under their base', () => {
  it("takes a pathlib path's last component, and a canonical path checked against its base, for no traversal", () => {
    const code = py`
      import os
      from pathlib import Path
      from airflow.models import Variable

      name = Variable.get("name")
      open(Path("/data") / Path(name).name)
      open(os.path.join("/data", Path(name).stem + ".csv"))
      p = os.path.realpath(os.path.join("/data", name))
      if not p.startswith("/data/"):
          raise ValueError(p)
      open(p)
      q = (Path("/data") / name).resolve()
      if q.is_relative_to("/data"):
          open(q)
      r = Path("/data", name).resolve()
      if not r.is_relative_to("/data"):
          raise PermissionError(r)
      r.unlink()
      s = os.path.realpath(os.path.join("/data", name))
      if os.path.commonpath(["/data", s]) != "/data":
          raise ValueError(s)
      os.remove(s)
    `;
    expect(traversals(code)).toEqual([]);
  });

  it('still reports a prefix check on a path whose .. is not resolved, a canonical path nothing checks, and reads outside the check', () => {
    const code = py`
      import os
      from pathlib import Path
      from airflow.models import Variable

      name = Variable.get("name")
      raw = os.path.join("/data", name)
      if raw.startswith("/data/"):
          open(raw)
      p = os.path.abspath(os.path.join("/data", name))
      open(p)
      q = (Path("/data") / name).resolve()
      if q.is_relative_to("/data"):
          pass
      open(q)
      open(Path(name).parent / "x.csv")
      if os.path.commonpath(["/data", raw]) == "/data":
          open(raw)
    `;
    expect(traversals(code)).toEqual([6, 8, 10, 14, 15, 17]);
  });
});

describe('file operations beyond open', () => {
  it('takes copies, renames, permission changes, compressed opens and Flask send_file for path sinks; send_from_directory confines the name itself', () => {
    const code = py`
      import gzip, os, shutil
      from flask import Flask, request, send_file, send_from_directory

      app = Flask(__name__)

      @app.route("/export")
      def export():
          name = request.args["name"]
          shutil.copy2(os.path.join("/data", name), "/tmp/out")
          os.rename("/tmp/out", request.args["dest"])
          os.chmod(request.args["path"], 0o600)
          with gzip.open(request.args["gz"]) as fh:
              fh.read()
          send_from_directory("/data/exports", name)
          return send_file(request.args["file"])
    `;
    expect(traversals(code)).toEqual([9, 10, 11, 12, 15]);
  });
});
