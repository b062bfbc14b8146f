import { describe, expect, it } from 'vitest';
import { collectImports } from '../../../src/analyzers/python/imports.js';
import { parsePython } from '../../../src/analyzers/python/parser.js';

const importsOf = (code: string) => Object.fromEntries(collectImports(parsePython(code).rootNode));

describe('collectImports', () => {
  it('binds plain and aliased module imports', () => {
    expect(importsOf('import pickle\nimport pandas as pd\nimport os.path\nimport xml.etree.ElementTree as ET\n')).toEqual({
      pickle: 'pickle',
      pd: 'pandas',
      os: 'os',
      ET: 'xml.etree.ElementTree',
    });
  });

  it('binds names imported from a module, with and without aliases', () => {
    expect(importsOf('from yaml import load as l, SafeLoader\nfrom os.path import join\nfrom m import (a, b as c)\n')).toEqual({
      l: 'yaml.load',
      SafeLoader: 'yaml.SafeLoader',
      join: 'os.path.join',
      a: 'm.a',
      c: 'm.b',
    });
  });

  it('sees imports inside functions and conditional blocks', () => {
    expect(importsOf('def f():\n    import torch\n\ntry:\n    import cPickle as pickle\nexcept ImportError:\n    pass\n')).toEqual({
      torch: 'torch',
      pickle: 'cPickle',
    });
  });

  it('binds nothing for wildcard imports', () => {
    expect(importsOf('from yaml import *\n')).toEqual({});
  });
});
