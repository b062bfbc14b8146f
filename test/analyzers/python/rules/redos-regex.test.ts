import { describe, expect, it } from 'vitest';
import { toJavaScript } from '../../../../src/analyzers/python/rules/regex-complexity.js';
import { scan } from '../scan.js';

const ID = 'py.redos.vulnerable-regex';

describe(ID, () => {
  it('reports exponential backtracking with recheck\'s attack string', () => {
    const [finding] = scan('import re\nre.search(r"^(a+)+$", line)\n', ID);
    expect(finding).toMatchObject({ severity: 'high', confidence: 'high', cwe: ['CWE-1333'] });
    expect(finding!.message).toContain('exponential');
    expect(finding!.message).toMatch(/attack string: 'a'.*\.repeat\(\d+\)/);
  });

  it.each(['compile', 'match', 'fullmatch', 'findall', 'finditer'])('checks re.%s', (fn) => {
    expect(scan(`import re\nre.${fn}(r"(\\w+\\s?)*$", text)\n`, ID)).toHaveLength(1);
  });

  it('finds the pattern of sub and split, and the regex module', () => {
    expect(scan('import re\nre.sub(r"(a|aa)*b", "", text)\n', ID)).toHaveLength(1);
    expect(scan('import regex\nregex.split(pattern=r"(a|aa)*b", string=text)\n', ID)).toHaveLength(1);
    expect(scan('from re import compile as c\nc("(x+x+)+y")\n', ID)).toHaveLength(1);
  });

  it('decodes non-raw literals and follows constants', () => {
    expect(scan('import re\nre.search("^(\\\\d+)+$", s)\n', ID)).toHaveLength(1);
    expect(scan('import re\nPAT = r"^(a+)+$"\nre.match(PAT, s)\n', ID)).toHaveLength(1);
  });

  it('reports quadratic patterns at low severity and medium confidence', () => {
    const [finding] = scan('import re\nre.split(r"\\s*,\\s*", line)\n', ID);
    expect(finding).toMatchObject({ severity: 'low', confidence: 'medium' });
    expect(finding!.message).toContain('polynomial (degree 2)');
  });

  it('applies Python anchoring: re.match only tries the start, so the same pattern is linear there', () => {
    expect(scan('import re\nre.search(r"\\s+$", line)\n', ID)).toHaveLength(1);
    expect(scan('import re\nre.match(r"\\s+$", line)\n', ID)).toEqual([]);
  });

  it('checks pandas .str methods, replace and split only with regex=True', () => {
    expect(scan('df["t"].str.contains(r"(\\w+\\s?)*-pack$")\n', ID)).toHaveLength(1);
    expect(scan('s.str.extract(r"^(a+)+(\\d)$")\n', ID)).toHaveLength(1);
    expect(scan('s.str.replace(r"(a+)+$", "", regex=True)\n', ID)).toHaveLength(1);
    expect(scan('s.str.replace(r"(a+)+$", "")\n', ID)).toEqual([]);
    expect(scan('s.str.contains(r"(a+)+$", regex=False)\n', ID)).toEqual([]);
    expect(scan('s.contains(r"(a+)+$")\n', ID)).toEqual([]);
  });

  it('does not report linear patterns, dynamic patterns, or other modules', () => {
    const code = [
      'import re',
      String.raw`re.compile(r"^[a-z0-9_.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+$", re.I)`,
      String.raw`re.fullmatch(r"\d{4}-\d{2}-\d{2}", day)`,
      String.raw`re.findall(r"\b\w+\b", text)`,
      're.search(user_pattern, text)',
      'parser.search(r"(a+)+$", text)',
    ].join('\n');
    expect(scan(code, ID)).toEqual([]);
  });

  it('treats undecidable patterns as no finding', () => {
    // Backreferences send recheck to its fuzzer; Python-only syntax is not translated at all.
    expect(scan('import re\nre.search(r"(?>a+)+$", s)\n', ID)).toEqual([]);
  });

  it('reads flags from arguments and inline groups', () => {
    expect(scan('import re\nre.compile(r"""\n  ^ (a+)+ $  # nested\n""", re.VERBOSE)\n', ID)).toHaveLength(1);
    expect(scan('import re\nre.search(r"(?x) ^ (a+)+ $", s)\n', ID)).toHaveLength(1);
  });
});

describe('toJavaScript', () => {
  it('translates named groups, \\A/\\Z and anchoring by mode', () => {
    expect(toJavaScript('(?P<y>\\d+)-(?P=y)\\Z', new Set(), 'match')).toEqual({ source: '^(?:(?<y>\\d+)-\\k<y>(?![\\s\\S]))', flags: '' });
    expect(toJavaScript('(?is)\\Aab', new Set(['MULTILINE']), 'fullmatch')).toEqual({ source: '^(?:(?<![\\s\\S])ab)$', flags: 'ims' });
  });

  it('gives up on syntax JavaScript lacks', () => {
    expect(toJavaScript('(?>ab)', new Set(), 'search')).toBeUndefined();
    expect(toJavaScript('a++', new Set(), 'search')).toBeUndefined();
    expect(toJavaScript('(?i:ab)', new Set(), 'search')).toBeUndefined();
    expect(toJavaScript('(?:ab)', new Set(), 'search')).toEqual({ source: '(?:ab)', flags: '' });
  });
});

describe(`${ID} on ingested text`, () => {
  it('names the ingestion point and carries its trace, at high confidence even for a quadratic pattern', () => {
    const code = [
      'import pandas as pd',
      'import re',
      'reviews = pd.read_csv("s3://raw/reviews.csv")',
      'tags = reviews["tags"].str.split(r"\\s*,\\s*", regex=True)',
      'first = re.split(r"\\s*;\\s*", reviews["notes"][0])',
    ].join('\n');
    const findings = scan(code, ID);
    expect(findings).toHaveLength(2);
    for (const finding of findings) {
      expect(finding).toMatchObject({ severity: 'low', confidence: 'high' });
      expect(finding.message).toContain('over text from pandas.read_csv (line 3)');
      expect(finding.trace![0]).toMatchObject({ line: 3, label: expect.stringContaining('pandas.read_csv') });
      expect(finding.trace!.at(-1)).toMatchObject({ line: finding.location.startLine, label: expect.stringMatching(/^matched by /) });
    }
  });

  it.each([
    ['a parameter', 'def tags(line):\n    return re.split(r"\\s*,\\s*", line)'],
    ['the command line', 're.split(r"\\s*,\\s*", sys.argv[1])'],
    ['the environment', 're.split(r"\\s*,\\s*", os.environ["TAGS"])'],
  ])('keeps medium confidence and no trace where the text is %s', (_what, line) => {
    const [finding] = scan(`import os\nimport re\nimport sys\n\n${line}\n`, ID);
    expect(finding).toMatchObject({ confidence: 'medium' });
    expect(finding!.trace).toBeUndefined();
  });

  it('gives recheck time to decide a pattern it cannot in the usual budget', () => {
    // recheck needs about 0.4 s here to find this alternation of lazy groups quadratic; 100 ms comes back "unknown"
    const pattern = String.raw`\(.*?\)+(?=\s|$)|\[.*?\]+(?=\s|$)|\S+`;
    const code = `import re\nimport sys\nwords = re.findall(r"${pattern}", sys.stdin.read())\n`;
    const [finding] = scan(code, ID);
    expect(finding?.message).toContain('polynomial');
    expect(finding?.message).toContain('over text from sys.stdin (line 3)');
  });

  it('checks a compiled pattern again where a use anchors it or runs it on ingested text', () => {
    // (\w+\s?)+ is harmless as a search (the compile call's check) but exponential when anchored.
    const code = [
      'import csv',
      'import re',
      'WORD = re.compile(r"(\\w+\\s?)+")',
      'def first(line):',
      '    return WORD.search(line)',
      'def exact(line):',
      '    return WORD.fullmatch(line)',
      'for row in csv.DictReader(open("people.csv")):',
      '    WORD.fullmatch(row["name"])',
    ].join('\n');
    const findings = scan(code, ID);
    expect(findings.map((f) => [f.location.startLine, f.confidence, f.trace === undefined])).toEqual([
      [7, 'high', true],
      [9, 'high', false],
    ]);
    expect(findings[1]!.message).toContain('over text from csv.DictReader (line 8)');
    expect(findings[1]!.trace!.at(-1)).toMatchObject({ line: 9, label: 'matched by re.compile().fullmatch()' });
    // Where the compile call is reported, its uses are not reported again.
    const anchored = 'import re\nimport sys\nWORD = re.compile(r"^(\\w+\\s?)+$")\nWORD.fullmatch(sys.stdin.read())\n';
    expect(scan(anchored, ID).map((f) => f.location.startLine)).toEqual([3]);
  });
});
