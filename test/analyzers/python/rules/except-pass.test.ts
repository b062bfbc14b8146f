import { describe, expect, it } from 'vitest';
import { scan } from '../scan.js';

const ID = 'py.error-handling.except-pass';

describe(ID, () => {
  it('ranks a swallowed error around parsing medium, high confidence', () => {
    const [finding] = scan('import json\nfor raw in rows:\n    try:\n        out.append(json.loads(raw))\n    except Exception:\n        pass\n', ID);
    expect(finding).toMatchObject({ severity: 'medium', confidence: 'high' });
    expect(finding!.message).toMatch(/bad records vanish/);
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
