import { describe, expect, it } from 'vitest';
import { py, scan } from '../scan.js';

describe('paths from the job’s own command line', () => {
  it('are kept but ranked low, while paths from request data stay high', () => {
    const cli = scan(
      py`
        import argparse

        args = argparse.ArgumentParser().parse_args()
        with open(args.input) as fh:
            rows = fh.readlines()
      `,
      'py.taint.path-traversal',
    );
    expect(cli.map((f) => [f.severity, f.confidence])).toEqual([['low', 'low']]);

    const web = scan(
      py`
        from flask import Flask, request

        app = Flask(__name__)

        @app.route("/export")
        def export():
            with open(request.args["name"]) as fh:
                return fh.read()
      `,
      'py.taint.path-traversal',
    );
    expect(web.map((f) => f.confidence)).toEqual(['high']);
  });
});

describe('the team’s own sanitizers', () => {
  it('stop a flow when their name says they neutralise, as library ones do', () => {
    const code = (wrap: string) => py`
      import csv

      def neutralise(value):
          return "'" + value if value.startswith(("=", "+", "-", "@")) else value

      def passthrough(value):
          return value

      def export(src, dst):
          with open(src) as fh, open(dst, "w") as out:
              writer = csv.writer(out)
              for row in csv.DictReader(fh):
                  writer.writerow([${wrap}(row["comment"])])
    `;
    expect(scan(code('neutralise'), 'py.taint.formula-injection')).toEqual([]);
    expect(scan(code('passthrough'), 'py.taint.formula-injection')).toHaveLength(1);
  });
});
