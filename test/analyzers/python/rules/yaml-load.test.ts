import { describe, expect, it } from 'vitest';
import { py, scan } from '../scan.js';

const ID = 'py.deserialization.yaml-load';

describe(ID, () => {
  it.each([
    ['import yaml\ncfg = yaml.load(fh, Loader=yaml.Loader)\n'],
    ['import yaml\ncfg = yaml.load(fh, Loader=yaml.UnsafeLoader)\n'],
    ['import yaml\ncfg = yaml.load(fh, yaml.FullLoader)\n'],
    ['import yaml\ncfg = yaml.load_all(fh, Loader=yaml.CLoader)\n'],
    ['from yaml import load, FullLoader\ncfg = load(fh, Loader=FullLoader)\n'],
    ['import yaml\ncfg = yaml.unsafe_load(fh)\n'],
    ['import yaml\ncfg = yaml.unsafe_load_all(fh)\n'],
    ['import yaml\ncfg = yaml.full_load(fh)\n'],
    ['from yaml import full_load_all as fla\ncfg = fla(fh)\n'],
    ['import yaml\nclass Custom(yaml.FullLoader):\n    pass\ncfg = yaml.load(fh, Loader=Custom)\n'],
    ['import yaml\nclass Custom(yaml.FullLoader):\n    pass\nloader = Custom\ncfg = yaml.load(fh, Loader=loader)\n'],
  ])('reports %j at high confidence', (code) => {
    const findings = scan(code, ID);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.confidence).toBe('high');
  });

  it('reports yaml.load without a Loader', () => {
    const [finding] = scan('import yaml\ncfg = yaml.load(fh)\n', ID);
    expect(finding?.message).toContain('without Loader=');
  });

  it.each([
    ['import yaml\ncfg = yaml.safe_load(fh)\n'],
    ['import yaml\ncfg = yaml.safe_load_all(fh)\n'],
    ['import yaml\ncfg = yaml.load(fh, Loader=yaml.SafeLoader)\n'],
    ['import yaml\ncfg = yaml.load(fh, yaml.CSafeLoader)\n'],
    ['import yaml\ncfg = yaml.load_all(fh, Loader=yaml.BaseLoader)\n'],
    ['from yaml import load, SafeLoader\ncfg = load(fh, Loader=SafeLoader)\n'],
    ['from yaml import load\nfrom yaml import CSafeLoader as Fast\ncfg = load(fh, Loader=Fast)\n'],
    ['import yaml\ncfg = yaml.load(fh, Loader=yaml.loader.SafeLoader)\n'],
    ['import yaml\nLOADER = yaml.SafeLoader\ncfg = yaml.load(fh, Loader=LOADER)\n'],
    ['import yaml\nclass Wrapper(yaml.SafeLoader):\n    pass\ndef parse(s):\n    loader = Wrapper\n    loader.add_constructor("!x", f)\n    return yaml.load(s, loader)\n'],
  ])('does not report %j', (code) => {
    expect(scan(code, ID)).toEqual([]);
  });

  it('accepts loaders defined in the file on top of SafeLoader, transitively', () => {
    expect(scan(py`
      import yaml

      class TaggedLoader(yaml.SafeLoader):
          pass

      class DagLoader(TaggedLoader):
          pass

      spec = yaml.load(fh, Loader=DagLoader)
    `, ID)).toEqual([]);
  });

  it('reports a loader it cannot resolve at medium confidence', () => {
    const [finding] = scan('import yaml\nfrom settings import LOADER\ncfg = yaml.load(fh, Loader=LOADER)\n', ID);
    expect(finding?.confidence).toBe('medium');
    expect(finding?.message).toContain('settings.LOADER');
  });

  it('does not report a document written out in the source', () => {
    expect(scan('import yaml\nDEFAULTS = yaml.load("retries: 3\\n", Loader=yaml.Loader)\n', ID)).toEqual([]);
  });

  it('reports at low confidence when **kwargs may carry the Loader', () => {
    expect(scan('import yaml\ncfg = yaml.load(fh, **opts)\n', ID)[0]?.confidence).toBe('low');
  });

  it('does not report load methods of other modules or objects', () => {
    expect(scan('import json\nimport ruamel\ncfg = json.load(fh)\ny = parser.load(fh)\n', ID)).toEqual([]);
  });
});
