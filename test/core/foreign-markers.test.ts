import { describe, expect, it } from 'vitest';
import { SourceText } from '../../src/core/source-text.js';
import { inlineIgnoresFor } from '../../src/core/suppress/inline.js';
import { assessTree } from '../helpers/assess-tree.js';

const scopesOf = (line: string) => inlineIgnoresFor(new SourceText(line), [1]).map(({ tool, scope }) => ({ tool, scope }));

describe("other scanners' inline markers", () => {
  it("reads Bandit's # nosec, bare or naming tests", () => {
    expect(scopesOf('x = pickle.load(f)  # nosec')).toEqual([{ tool: 'bandit', scope: { all: true } }]);
    expect(scopesOf('x = pickle.load(f)  # nosec B301, B403')).toEqual([{ tool: 'bandit', scope: { bandit: ['B301', 'B403'] } }]);
    expect(scopesOf('x = pickle.load(f)  # nosec: B301 signed by our job')).toEqual([{ tool: 'bandit', scope: { bandit: ['B301'] } }]);
    expect(scopesOf('assert isinstance(buf, io.BytesIO)  # nosec assert_used')).toEqual([{ tool: 'bandit', scope: { bandit: ['B101'] } }]);
    expect(scopesOf('x = f()  # nosec - reviewed in PR 12')).toEqual([{ tool: 'bandit', scope: { all: true } }]);
    expect(scopesOf('    "model = pickle.load(fh)  # nosec B301\\n",')).toEqual([{ tool: 'bandit', scope: { bandit: ['B301'] } }]);
    const cell = inlineIgnoresFor(new SourceText('    "model = pickle.load(fh)  # pipewarden: ignore[py.deserialization.pickle] signed by us\\n",\n    "x = eval(s)  # nosec B307\\n"\n'), [1, 2]);
    expect(cell.map((i) => i.reason)).toEqual(['signed by us', 'bandit: # nosec B307']);
  });

  it("reads ruff's and flake8-bandit's S codes as Bandit tests, and ignores a noqa without one", () => {
    expect(scopesOf('subprocess.run(cmd, shell=True)  # noqa: S602, E501')).toEqual([{ tool: 'ruff', scope: { bandit: ['B602'] } }]);
    expect(scopesOf('subprocess.run(cmd, shell=True)  # noqa: E501')).toEqual([]);
    expect(scopesOf('subprocess.run(cmd, shell=True)  # noqa')).toEqual([]);
  });

  it('reads nosemgrep on the line or on a comment line above, and the secret scanners as secrets only', () => {
    expect(scopesOf('exec(cmd); // nosemgrep')).toEqual([{ tool: 'semgrep', scope: { all: true } }]);
    expect(scopesOf('exec(cmd)  # nosemgrep: python.lang.security.audit.exec-detected')).toEqual([
      { tool: 'semgrep', scope: { rules: ['python.lang.security.audit.exec-detected'] } },
    ]);
    expect(inlineIgnoresFor(new SourceText('# nosemgrep\nexec(cmd)\n# nosec\neval(x)\n'), [2, 4]).map((i) => [i.line, i.tool])).toEqual([[2, 'semgrep']]);
    expect(scopesOf('KEY = "AKIA…"  # gitleaks:allow')).toEqual([{ tool: 'gitleaks', scope: { category: 'secret' } }]);
    expect(scopesOf('KEY = "AKIA…"  # pragma: allowlist secret')).toEqual([{ tool: 'detect-secrets', scope: { category: 'secret' } }]);
  });

  it('does not take a word that merely contains the marker for it', () => {
    expect(scopesOf('# nosecurity review needed\nx = 1')).toEqual([]);
    expect(scopesOf('url = "https://example.com/#nosemgrepper"')).toEqual([]);
  });
});

const JOB = `import hashlib
import pickle
import subprocess

import requests


def load(path, cmd):
    with open(path, "rb") as fh:
        model = pickle.load(fh)  # nosec B301
    digest = hashlib.md5(path.encode()).hexdigest()  # nosec B608
    subprocess.run(cmd, shell=True)  # noqa: S602
    subprocess.call(cmd, shell=True)  # noqa: E501
    requests.get("https://etl:Vq8rT2xLw9Zk@warehouse.acme-corp.net/export")  # gitleaks:allow
    return model, digest
`;

describe('assess with a migrated code base', () => {
  it('suppresses exactly the findings the markers speak for, and lists them with the marker as reason', async () => {
    const result = await assessTree({ 'jobs/load.py': JOB });
    const active = result.findings.map((f) => `${f.location.startLine} ${f.ruleId}`).sort();
    const suppressed = result.suppressed.map((s) => `${s.finding.location.startLine} ${s.finding.ruleId} ${s.kind} ${s.reason}`).sort();
    expect(active).toEqual(['11 py.crypto.weak-hash', '13 py.command-injection.subprocess-shell', '14 py.http.no-timeout']);
    expect(suppressed).toEqual([
      '10 py.deserialization.pickle inline bandit: # nosec B301',
      '12 py.command-injection.subprocess-shell inline ruff: # noqa: S602',
      '14 secret.basic-auth-url inline gitleaks: gitleaks:allow',
    ]);
  });

  it('lets only its own comments suppress when told to', async () => {
    const result = await assessTree({ 'jobs/load.py': JOB }, { foreignMarkers: false });
    expect(result.suppressed).toEqual([]);
    expect(result.findings).toHaveLength(6);
  });
});
