import { describe, expect, it } from 'vitest';
import { scan } from '../scan.js';

const ID = 'py.flask.debug';

describe(ID, () => {
  it('reports a Flask app run with debug=True', () => {
    expect(scan('import flask\napp = flask.Flask(__name__)\napp.run(debug=True)\n', ID)).toHaveLength(1);
  });

  it('does not report debug off or other run methods', () => {
    expect(scan('from flask import Flask\napp = Flask(__name__)\napp.run(debug=False)\napp.run()\nspark.run(debug=True)\n', ID)).toEqual([]);
  });
});
