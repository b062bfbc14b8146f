import { describe, expect, it } from 'vitest';
import { analyzePythonText, py } from '../scan.js';

/** Each taint finding's rule, line and the step of its trace that `step` picks. */
const taintLines = (code: string, step = /added to|stored in \w+\[|yielded/) =>
  analyzePythonText(code, 'jobs/run.py')
    .findings.filter((f) => f.ruleId.startsWith('py.taint.'))
    .map((f) => [f.ruleId, f.location.startLine, f.trace!.map((s) => s.label).find((l) => step.test(l))]);

describe('containers filled after they are made', () => {
  it('carry what append, add, update and item stores put into them, in the scope that binds the name', () => {
    const code = py`
      import os
      import pandas as pd

      ARGS = []


      def run(path):
          df = pd.read_csv(path)
          parts = ["echo"]
          parts.append(df["name"].iloc[0])
          os.system(" ".join(parts))
          opts = {}
          opts["cmd"] = df["cmd"][0]
          os.system(opts["cmd"])
          ARGS.extend(df["args"])
          seen = set()
          seen.add(df["k"][0])
          os.system(" ".join(sorted(seen)))
          conf = dict(mode="x")
          conf.update(df.to_dict())
          os.system(conf["mode"])


      def later():
          os.system(" ".join(ARGS))
    `;
    expect(taintLines(code)).toEqual([
      ['py.taint.command-injection', 11, 'added to parts by .append()'],
      ['py.taint.command-injection', 14, 'stored in opts[…]'],
      ['py.taint.command-injection', 18, 'added to seen by .add()'],
      ['py.taint.command-injection', 21, 'added to conf by .update()'],
      ['py.taint.command-injection', 25, 'added to ARGS by .extend()'],
    ]);
  });

  it('stay literal when only literals go in, so the pattern rules do not report them', () => {
    const code = py`
      import os
      import subprocess

      def run():
          names = set()
          names.add("fixed")
          os.system(" ".join(sorted(names)))
          args = ["ls"]
          args.extend(["-l", "/tmp"])
          subprocess.run(" ".join(args), shell=True)
          env = {}
          env["MODE"] = "fast"
          os.system("run --mode " + env["MODE"])
    `;
    expect(analyzePythonText(code, 'jobs/run.py').findings.filter((f) => f.ruleId.includes('command-injection') || f.ruleId.includes('subprocess'))).toEqual([]);
  });
});

describe('generators', () => {
  it('yield their values to whoever iterates over their result', () => {
    const code = py`
      import subprocess
      import pandas as pd

      def commands(path):
          for rec in pd.read_csv(path).itertuples():
              yield rec.cmd

      def run(path):
          for cmd in commands(path):
              subprocess.call(cmd, shell=True)
    `;
    expect(taintLines(code)).toEqual([['py.taint.command-injection', 10, 'yielded']]);
  });
});

describe('callbacks handed each element', () => {
  const labels = (code: string) => taintLines(code, /^each element/);

  it('follow rows into lambdas and functions given to apply/map, and into sink functions given whole', () => {
    const code = py`
      import os
      import subprocess
      from concurrent.futures import ThreadPoolExecutor
      import pandas as pd

      def run_row(r):
          subprocess.call(r["cmd"], shell=True)

      def main(path):
          df = pd.read_csv(path)
          df.apply(lambda r: os.system(r["cmd"]), axis=1)
          df.apply(run_row, axis=1)
          df["cmd"].map(os.system)
          list(map(os.system, df["cmd"]))
          with ThreadPoolExecutor() as pool:
              pool.map(run_row, df.to_dict("records"))
    `;
    expect(labels(code)).toEqual([
      ['py.taint.command-injection', 7, 'each element passed to run_row() as r'],
      ['py.taint.command-injection', 11, 'each element passed to lambda() as r'],
      ['py.taint.command-injection', 13, 'each element passed to os.system()'],
      ['py.taint.command-injection', 14, 'each element passed to os.system()'],
    ]);
  });

  it('leave literal elements, list-form commands and functions that ignore their data alone', () => {
    const code = py`
      import os
      import subprocess
      import pandas as pd

      def main(path):
          df = pd.read_csv(path)
          list(map(os.system, ["ls", "pwd"]))
          df["name"].map(subprocess.call)
          df.apply(lambda r: os.system("date"), axis=1)
          df["n"].map(lambda v: int(v) + 1)
    `;
    expect(labels(code)).toEqual([]);
  });
});

describe('tuples put into a container and unpacked when iterated', () => {
  it('give each name its own item, here and in a function the container is handed to', () => {
    const code = py`
      import csv
      import os
      import sys

      def write_rejects(path, rejects):
          with open(path, "w") as handle:
              writer = csv.writer(handle)
              for line, reason, raw in rejects:
                  writer.writerow([line, reason])
                  os.system("echo " + raw["cmd"])

      def main():
          rejects = []
          reader = csv.DictReader(open(sys.argv[1]))
          for raw in reader:
              rejects.append((reader.line_num, "bad row", raw))
          for line, reason, raw in rejects:
              print(line, reason)
              os.system("echo " + raw["cmd"])
          write_rejects("rejects.csv", rejects)
    `;
    // The line number and the fixed reason written to the CSV carry nothing of the row; the row itself does.
    const taint = analyzePythonText(code, 'jobs/clean.py').findings.filter((f) => f.ruleId.startsWith('py.taint.') && f.ruleId !== 'py.taint.path-traversal');
    expect(taint.map((f) => [f.ruleId, f.location.startLine])).toEqual([
      ['py.taint.command-injection', 10],
      ['py.taint.command-injection', 19],
    ]);
  });
});
