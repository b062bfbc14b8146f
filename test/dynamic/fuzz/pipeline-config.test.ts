import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/core/errors.js';
import { parseDuration, resolvePipeline } from '../../../src/dynamic/pipeline.js';
import { removeTree, tempTree } from '../../helpers/temp-tree.js';

describe('resolvePipeline', () => {
  it('reads the pipeline section of pipewarden.yml, with flags taking precedence', () => {
    const root = tempTree({
      'pipewarden.yml': 'pipeline:\n  run: python jobs/clean.py --input {input} --output {output}\n  sample: data/s.csv\n  timeout: 30s\n  memory: 512MB\n',
      'data/s.csv': 'a\n1\n',
      'data/t.jsonl': '{"a":1}\n',
    });
    try {
      const fromFile = resolvePipeline(root, {});
      expect(fromFile).toMatchObject({ run: 'python jobs/clean.py --input {input} --output {output}', sample: path.join(root, 'data/s.csv'), format: 'csv', timeoutMs: 30_000, memoryBytes: 512e6 });
      const overridden = resolvePipeline(root, { sample: 'data/t.jsonl', timeout: '500ms', memory: '1GiB' });
      expect(overridden).toMatchObject({ format: 'jsonl', timeoutMs: 500, memoryBytes: 1024 ** 3 });
    } finally {
      removeTree(root);
    }
  });

  it('explains what is missing or wrong as a usage error', () => {
    const root = tempTree({ 'pipewarden.yml': 'pipeline:\n  run: python x.py {output}\n  sample: s.csv\n', 's.csv': 'a\n' });
    try {
      expect(() => resolvePipeline(root, {})).toThrow(/must contain \{input\}/);
      expect(() => resolvePipeline(root, { run: 'x {input}', sample: 'nope.csv' })).toThrow(UsageError);
      expect(() => resolvePipeline(root, { run: 'x {input}', timeout: 'soon' })).toThrow(/invalid duration/);
    } finally {
      removeTree(root);
    }
  });

  it('rejects unknown keys in the pipeline section through the config schema', () => {
    const root = tempTree({ 'pipewarden.yml': 'pipeline:\n  command: x\n' });
    try {
      expect(() => resolvePipeline(root, {})).toThrow(/command/);
    } finally {
      removeTree(root);
    }
  });

  it('parses durations', () => {
    expect(parseDuration('2m')).toBe(120_000);
    expect(parseDuration(1.5)).toBe(1500);
  });
});
