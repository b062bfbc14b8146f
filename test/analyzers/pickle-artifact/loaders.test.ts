import { describe, expect, it } from 'vitest';
import { unsafeArtifactLoadedRule } from '../../../src/analyzers/pickle-artifact/loaded-rule.js';
import { unsafeGlobalRule } from '../../../src/analyzers/pickle-artifact/rule.js';
import { assessTree } from '../../helpers/assess-tree.js';

const MALICIOUS = unsafeGlobalRule.bad[0]!.code;
const DATA_ONLY = unsafeGlobalRule.good[0]!.code;
const RULE = unsafeArtifactLoadedRule.id;

async function links(files: Record<string, string>) {
  const result = await assessTree(files, { only: ['sast'] });
  return result.findings.filter((f) => f.ruleId === RULE);
}

describe('pickle artifacts linked to the code that loads them', () => {
  it('reports the bad example at the loading call, with the artifact in the trace', async () => {
    const [bad] = unsafeArtifactLoadedRule.bad;
    const found = await links({ [bad!.file]: bad!.code, 'models/churn.pkl': MALICIOUS });
    expect(found).toHaveLength(1);
    expect(found[0]!.location).toMatchObject({ file: 'jobs/score.py', startLine: 3 });
    expect(found[0]!.severity).toBe('critical');
    expect(found[0]!.message).toContain('posix.system');
    expect(found[0]!.trace?.map((s) => s.file)).toEqual(['models/churn.pkl', 'jobs/score.py']);
  });

  it('does not report the good example, nor code loading a data-only pickle', async () => {
    const [good] = unsafeArtifactLoadedRule.good;
    expect(await links({ [good!.file]: good!.code, 'models/churn.pkl': MALICIOUS })).toEqual([]);
    expect(await links({ 'jobs/score.py': 'import joblib\n\nmodel = joblib.load("models/churn.pkl")\n', 'models/churn.pkl': DATA_ONLY })).toEqual([]);
  });

  it('resolves paths relative to the loading module and follows open() handed to pickle.load', async () => {
    const code = 'import pickle\n\nwith open("../models/enc.pkl", "rb") as fh:\n    encoder = pickle.load(fh)\n';
    const found = await links({ 'jobs/encode.py': code, 'models/enc.pkl': MALICIOUS });
    expect(found.map((f) => `${f.location.file}:${f.location.startLine}`)).toEqual(['jobs/encode.py:3']);
  });

  it('leaves alone paths that name no scanned artifact, and remote or absolute ones', async () => {
    const code = 'import joblib\n\na = joblib.load("models/other.pkl")\nb = joblib.load("/srv/models/churn.pkl")\nc = joblib.load("s3://bucket/models/churn.pkl")\n';
    expect(await links({ 'jobs/score.py': code, 'models/churn.pkl': MALICIOUS })).toEqual([]);
  });

  it('links notebooks too', async () => {
    const notebook = JSON.stringify({
      cells: [{ cell_type: 'code', metadata: {}, outputs: [], execution_count: null, source: ['import joblib\n', 'model = joblib.load("models/churn.pkl")\n'] }],
      metadata: {},
      nbformat: 4,
      nbformat_minor: 5,
    });
    const found = await links({ 'explore.ipynb': notebook, 'models/churn.pkl': MALICIOUS });
    expect(found.map((f) => f.location.file)).toEqual(['explore.ipynb']);
  });
});
