import { describe, expect, it } from 'vitest';
import { scan } from '../scan.js';

const ID = 'py.error-handling.except-pass';

describe(ID, () => {
  it('ranks a swallowed error around parsing medium, high confidence', () => {
    const [finding] = scan('import json\nfor raw in rows:\n    try:\n        out.append(json.loads(raw))\n    except Exception:\n        pass\n', ID);
    expect(finding).toMatchObject({ severity: 'medium', confidence: 'high' });
    expect(finding!.message).toMatch(/bad records vanish/);
  });

  it('judges a call by its own name: running a program is no validation, a loader method is', () => {
    const quiet = 'import subprocess\ntry:\n    out = subprocess.check_output(["rustc", "--version"], timeout=0.5)\nexcept Exception:\n    pass\n';
    expect(scan(quiet, ID)[0]).toMatchObject({ severity: 'low', confidence: 'medium' });
    const nested = 'try:\n    rows.append(self.loader.parse_row(raw))\nexcept Exception:\n    pass\n';
    expect(scan(nested, ID)[0]).toMatchObject({ severity: 'medium', confidence: 'high' });
    // the receiver's name does not make a call validation
    const receiver = 'try:\n    validator.close()\nexcept Exception:\n    pass\n';
    expect(scan(receiver, ID)[0]).toMatchObject({ severity: 'low', confidence: 'medium' });
  });

  it('ranks a conversion that falls back to the value it was given low: the value is kept, not lost', () => {
    const [finding] = scan('import json\ntry:\n    value = json.loads(value)\nexcept Exception:\n    pass\n', ID);
    expect(finding).toMatchObject({ severity: 'low', confidence: 'low' });
    expect(finding!.message).toMatch(/keeps the unconverted value/);
  });

  it('does not take a conversion into a new name, or of another name, for a fallback', () => {
    for (const body of ['parsed = json.loads(value)', 'value = json.loads(other)', 'value = json.loads(value)\n    used(value)']) {
      const [finding] = scan(`import json\ntry:\n    ${body}\nexcept Exception:\n    pass\n`, ID);
      expect(finding, body).toMatchObject({ severity: 'medium', confidence: 'high' });
    }
  });
});
