import { describe, expect, it } from 'vitest';
import { notebookAnalyzer } from '../../../src/analyzers/notebook/index.js';
import { notebookRules } from '../../../src/analyzers/notebook/rules/index.js';
import { fileAnalyzers } from '../../../src/analyzers/registry.js';
import { analyzersFor } from '../../../src/core/analyzer-selection.js';
import type { PythonFacts } from '../../../src/analyzers/python/facts.js';
import { findingsOf, notebook, rawLine, scanNotebook, streamOutput } from './scan.js';

const PICKLE = 'py.deserialization.pickle';

describe('notebook analyzer', () => {
  it('is registered for .ipynb files and exposes its rules', () => {
    expect(fileAnalyzers).toContain(notebookAnalyzer);
    expect(notebookAnalyzer.rules).toEqual(notebookRules);
    expect(notebookAnalyzer.required({ path: 'n.ipynb', absPath: '/n.ipynb', kind: 'notebook', size: 1 })).toBe(true);
    expect(notebookAnalyzer.required({ path: 'n.py', absPath: '/n.py', kind: 'python', size: 1 })).toBe(false);
  });

  it('analyses code cells as one module, so a name imported in one cell is known in a later one', () => {
    const json = notebook([
      { type: 'markdown', source: '# Load\n' },
      'import pickle\n',
      'data = fetch()\n',
      'x = data\n# the cached lookup\nlookup = pickle.loads(x)\n',
    ]);
    const [finding, ...rest] = findingsOf(json, PICKLE);
    expect(rest).toEqual([]);
    expect(finding!.message).toMatch(/\(cell 4, line 3\)$/);
    expect(finding!.location.snippet).toBe('lookup = pickle.loads(x)');
    // The region is the JSON string of that line in the raw file, where code-scanning viewers land.
    const line = rawLine(json, finding!.location.startLine);
    expect(line).toBe('    "lookup = pickle.loads(x)\\n"');
    expect(line.slice(finding!.location.startColumn - 1, finding!.location.endColumn - 1)).toBe('"lookup = pickle.loads(x)\\n"');
    expect(finding!.location.endLine).toBe(finding!.location.startLine);
  });

  it('places lines of a cell whose source is one string, and of a minified notebook', () => {
    const oneString = JSON.stringify({ cells: [{ cell_type: 'code', source: 'import pickle\n\npickle.loads(b)', outputs: [] }], nbformat: 4, nbformat_minor: 5, metadata: {} }, null, 1);
    const [finding] = findingsOf(oneString, PICKLE);
    expect(finding!.message).toMatch(/\(cell 1, line 3\)$/);
    expect(rawLine(oneString, finding!.location.startLine)).toContain('"source": "import pickle\\n\\npickle.loads(b)"');

    const minified = JSON.stringify(JSON.parse(notebook(['import pickle\n', 'pickle.loads(b)\n'])));
    const [placed] = findingsOf(minified, PICKLE);
    expect(placed!.location).toMatchObject({ startLine: 1, endLine: 1 });
    expect(minified.slice(placed!.location.startColumn - 1, placed!.location.endColumn - 1)).toBe('"pickle.loads(b)\\n"');
  });

  it('keeps lines aligned past magics, so findings after them land on the right line', () => {
    const json = notebook(['%%time\nimport pickle\n!ls \\\n  -la\nobj = pickle.loads(b)\n']);
    const [finding] = findingsOf(json, PICKLE);
    expect(finding!.message).toMatch(/\(cell 1, line 5\)$/);
    expect(rawLine(json, finding!.location.startLine)).toContain('obj = pickle.loads(b)');
  });

  it('records the Python facts of the notebook, with uses at lines of the raw file', () => {
    const json = notebook(['!pip install pyyaml==5.3.1\n', 'import yaml\n', 'cfg = yaml.load(open("c.yml"))\n']);
    const facts = scanNotebook(json).facts.notebook as PythonFacts;
    expect(facts.imports).toContain('yaml');
    const use = facts.uses.find((u) => u.name === 'yaml.load');
    expect(rawLine(json, use!.line)).toContain('cfg = yaml.load(open(\\"c.yml\\"))');
  });

  it('records the lineage of the notebook at lines of the raw file, so the lineage graph shows notebooks', () => {
    const json = notebook(['import pandas as pd\n', 'raw = pd.read_csv("s3://landing/orders.csv")\n', 'raw.to_parquet("clean/orders.parquet")\n']);
    const lineage = (scanNotebook(json).facts.notebook as PythonFacts).lineage!;
    const [source] = lineage.sources;
    expect(source).toMatchObject({ api: 'pandas.read_csv', dataset: 's3://landing/orders.csv' });
    expect(rawLine(json, source!.line)).toContain('pd.read_csv');
    expect(source!.id).toContain(`#L${source!.line}:`);
    const sink = lineage.sinks.find((s) => s.dataset === 'clean/orders.parquet');
    expect(rawLine(json, sink!.line)).toContain('to_parquet');
    expect(sink!.sources).toEqual([source!.id]);
  });

  it('records the containers code, escapes and shell cells start, and task images, at lines of the raw file', () => {
    const json = notebook([
      'import docker\ndocker.from_env().containers.run("acme/convert:1.4", "x")\n!docker run --rm python:3.8-slim python -V\n',
      '%%bash\nIMG=x\ndocker run --rm \\\n  busybox:1.36 true\n',
      'from airflow.providers.docker.operators.docker import DockerOperator\nDockerOperator(task_id="load", image="ghcr.io/acme/loader:2.1")\n',
    ]);
    const lineage = (scanNotebook(json).facts.notebook as PythonFacts).lineage!;
    const at = (line: number) => rawLine(json, line).trim();
    expect(lineage.containers!.map((c) => [c.image, c.api, at(c.line)])).toEqual([
      ['acme/convert:1.4', 'docker.from_env().containers.run', '"docker.from_env().containers.run(\\"acme/convert:1.4\\", \\"x\\")\\n",'],
      ['python:3.8-slim', 'shell docker run', '"!docker run --rm python:3.8-slim python -V\\n"'],
      ['busybox:1.36', 'shell docker run', '"docker run --rm \\\\\\n",'],
    ]);
    const image = lineage.tasks[0]!.image!;
    expect(image.reference).toBe('ghcr.io/acme/loader:2.1');
    expect(at(image.line)).toContain('DockerOperator(task_id');
  });

  it('runs for the dependency analysis, which reads its facts, even when only deps are assessed', () => {
    const entry = { path: 'n.ipynb', absPath: '/n.ipynb', kind: 'notebook' as const, size: 1 };
    expect(analyzersFor(entry, new Set(['deps']))).toContain(notebookAnalyzer);
  });

  it('reports Python syntax errors by cell and line', () => {
    const { errors } = scanNotebook(notebook(['x = 1\n', 'def broken(:\n    pass\n']));
    expect(errors).toEqual([{ file: 'explore.ipynb', analyzer: 'notebook', message: expect.stringMatching(/syntax error near cell 2, line 1;/) }]);
  });

  it('places the parser’s refusal of deep indentation by cell and line', () => {
    const deep = Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}if x:\n`).join('');
    const { errors } = scanNotebook(notebook(['x = 1\n', deep]));
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/^cell 2, line 200 is indented 398 columns; /)]);
  });

  it('skips the code of notebooks in other languages, says so, and still scans their outputs', () => {
    const json = notebook([{ source: 'library(dplyr)\n', outputs: [streamOutput('anna.schmidt@example.com\n')] }]).replaceAll('"python"', '"R"');
    const result = scanNotebook(json);
    expect(result.errors.map((e) => e.message)).toEqual(['the kernel language is r, so code cells were not analysed (outputs were)']);
    expect(result.findings.map((f) => f.ruleId)).toEqual(['nb.output-personal-data']);
  });

  it('reports a malformed cell and analyses the others', () => {
    const json = JSON.stringify({
      cells: [
        { cell_type: 'code', source: { not: 'text' }, outputs: [] },
        { cell_type: 'code', source: ['import pickle\n', 'pickle.loads(b)\n'], outputs: [] },
      ],
      metadata: {},
      nbformat: 4,
      nbformat_minor: 5,
    });
    const result = scanNotebook(json);
    expect(result.errors.map((e) => e.message)).toEqual(['cell 1: "source" is neither text nor a list of text, so the cell was skipped']);
    expect(result.findings.map((f) => [f.ruleId, /\(cell \d+, line \d+\)$/.exec(f.message)?.[0]])).toEqual([[PICKLE, '(cell 2, line 2)']]);
  });
});

describe('hostile and foreign notebooks', () => {
  const expectOneError = (json: string, pattern: RegExp) => {
    const started = performance.now();
    const result = scanNotebook(json);
    expect(result.findings).toEqual([]);
    expect(result.errors).toEqual([{ file: 'explore.ipynb', analyzer: 'notebook', message: expect.stringMatching(pattern) }]);
    expect(performance.now() - started).toBeLessThan(5_000);
  };

  it('reports truncated JSON with where it ends', () => {
    const json = notebook(['import pickle\n', 'pickle.loads(b)\n']);
    expectOneError(json.slice(0, json.length / 2), /^not a readable notebook: invalid JSON at line \d+, column \d+: /);
  });

  it('reports nesting 10,000 deep instead of overflowing the stack', () => {
    const json = `{"cells": [], "metadata": {"x": ${'['.repeat(10_000)}${']'.repeat(10_000)}}, "nbformat": 4}`;
    expectOneError(json, /nested deeper than 256 levels/);
  });

  it('reports JSON that is no notebook, and nbformat 3', () => {
    expectOneError('[1, 2]', /not a Jupyter notebook: the top level is not a JSON object/);
    expectOneError('{"metadata": {}}', /there is no "cells" list/);
    expectOneError('{"nbformat": 3, "worksheets": [{"cells": []}]}', /^nbformat 3 notebook: only nbformat 4 is analysed/);
  });

  it('scans the first megabyte of a 5 MB output, reports the cut, and still finds what is in it', () => {
    const line = `${'x'.repeat(99)}\n`;
    const huge = `anna.schmidt@example.com\n${line.repeat(50_000)}`;
    const json = notebook([{ source: 'print(rows)\n', outputs: [streamOutput(huge)] }, 'import pickle\npickle.loads(b)\n']);
    expect(json.length).toBeGreaterThan(5_000_000);
    const started = performance.now();
    const result = scanNotebook(json);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(result.errors.map((e) => e.message)).toEqual([
      'cell 1, output 1 holds more than 1000000 characters of text; only the first 1000000 were scanned',
    ]);
    expect(result.findings.map((f) => f.ruleId).sort()).toEqual(['nb.output-personal-data', PICKLE]);
  });

  it('stays linear on output text built to make matchers backtrack', () => {
    const texts = ['@'.repeat(900_000), `${'a'.repeat(900_000)}@`, `+${'1 '.repeat(450_000)}`, `${'a.'.repeat(450_000)}`];
    const json = notebook([{ source: 'show()\n', outputs: texts.map((t) => streamOutput(t, 'stderr')) }]);
    const started = performance.now();
    scanNotebook(json);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
