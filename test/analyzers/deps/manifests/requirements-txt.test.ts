import { describe, expect, it } from 'vitest';
import { parseRequirementsTxt } from '../../../../src/analyzers/deps/manifests/requirements-txt.js';
import { fixture, manifestError, named, skippedEntry, summary } from './helpers.js';

const FILE = 'services/ingest/requirements.txt';
const parse = (text: string, file = FILE) => parseRequirementsTxt(text, file);

describe('requirements.txt', () => {
  const manifest = parse(fixture('requirements.txt'));

  it('reads every requirement of a real-world file, with its specifier, pin and first line', () => {
    expect(manifest).toMatchObject({ type: 'manifest', ecosystem: 'PyPI', format: 'requirements.txt', isLibrary: false });
    expect(summary(manifest.requirements)).toEqual([
      ['apache-airflow', '==2.7.3', '2.7.3', 12],
      ['pandas', '>=1.5,<2.1', undefined, 15],
      ['pyarrow', '==12.0.1', '12.0.1', 16],
      ['boto3', '~=1.28.0', undefined, 17],
      ['numpy', '==1.24.*', undefined, 18],
      ['pyyaml', '===6.0.1', '6.0.1', 19],
      ['sqlalchemy', '>=1.4,<2.0', undefined, 20],
      ['psycopg2-binary', '', undefined, 21],
      ['etl-utils', '', undefined, 24],
      ['lakehouse-client', '', undefined, 25],
      ['great-expectations', '', '0.17.23', 26],
      ['transforms', '', undefined, 27],
      ['shared-schemas', '', undefined, 28],
    ]);
    expect(manifest.requirements.every((r) => r.group === 'main')).toBe(true);
  });

  it('keeps extras, markers and every --hash of a requirement continued over several lines', () => {
    expect(named(manifest.requirements, 'apache-airflow')).toEqual({
      name: 'apache-airflow',
      specifier: '==2.7.3',
      pinnedVersion: '2.7.3',
      extras: ['amazon', 'postgres'],
      marker: 'python_version >= "3.8"',
      hashes: [
        'sha256:0f2c1b0f8fd11dce9ba8f2e1a7c5f1e0e2f1b3b4a5c6d7e8f9a0b1c2d3e4f5a6',
        'sha256:1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809',
      ],
      group: 'main',
      line: 12,
    });
    expect(named(manifest.requirements, 'psycopg2-binary').marker).toBe('sys_platform != "win32"');
  });

  it('records direct references: editable VCS with #egg, PEP 508 VCS with a user@host, wheel URLs, local paths', () => {
    expect(named(manifest.requirements, 'etl-utils').source).toEqual({
      kind: 'vcs',
      url: 'git+https://github.com/example/etl-utils.git',
      ref: 'v1.4.2',
    });
    expect(named(manifest.requirements, 'lakehouse-client').source).toEqual({
      kind: 'vcs',
      url: 'git+ssh://git@github.com/example/lakehouse-client.git',
      ref: '3f1c9a7',
    });
    expect(named(manifest.requirements, 'great-expectations').source).toEqual({
      kind: 'url',
      url: 'https://files.example.com/dist/great_expectations-0.17.23-py3-none-any.whl',
    });
    expect(named(manifest.requirements, 'transforms')).toMatchObject({ extras: ['fast'], source: { kind: 'path', path: './libs/transforms' } });
    expect(named(manifest.requirements, 'shared-schemas').source).toEqual({ kind: 'path', path: 'file:../shared/schemas' });
  });

  it('leaves out `-e .`: the project itself, declared by its own manifest', () => {
    expect(manifest.requirements.some((r) => r.source?.kind === 'path' && r.source.path === '.')).toBe(false);
  });

  it('records indexes with environment variables as written, and ignores download tuning options', () => {
    expect(manifest.indexes).toEqual([
      { url: 'https://pypi.internal.example.com/simple', kind: 'primary', line: 2 },
      { url: 'https://${ARTIFACTORY_TOKEN}@artifactory.example.com/api/pypi/simple', kind: 'extra', line: 3 },
    ]);
  });

  it('resolves -r and --constraint relative to the including file, as paths relative to the root', () => {
    expect(manifest.includes).toEqual([
      { file: 'requirements/base.txt', kind: 'requirements', line: 9 },
      { file: 'services/ingest/constraints.txt', kind: 'constraints', line: 10 },
    ]);
  });

  it('accepts every spelling of the include and index options', () => {
    const text = [
      '-rbase.txt',
      '--requirement=dev.txt',
      '-c pins.txt',
      '--constraint=more-pins.txt',
      '-ihttps://a/simple',
      '--index-url=https://b/simple',
      '--extra-index-url https://c/simple',
    ].join('\n');
    const result = parse(text, 'requirements.txt');
    expect(result.includes.map((i) => [i.file, i.kind])).toEqual([
      ['base.txt', 'requirements'],
      ['dev.txt', 'requirements'],
      ['pins.txt', 'constraints'],
      ['more-pins.txt', 'constraints'],
    ]);
    expect(result.indexes.map((i) => [i.url, i.kind])).toEqual([
      ['https://a/simple', 'primary'],
      ['https://b/simple', 'primary'],
      ['https://c/simple', 'extra'],
    ]);
  });

  it('records each host pip is told to trust without a certificate check', () => {
    const result = parse('--trusted-host pypi.internal\n--trusted-host=files.internal:8443\npandas==2.2.2\n', 'requirements.txt');
    expect(result.uncheckedTransport).toEqual([
      { setting: '--trusted-host pypi.internal', line: 1 },
      { setting: '--trusted-host files.internal:8443', line: 2 },
    ]);
  });

  it('drops includes this scan cannot read: URLs, absolute paths and paths out of the root', () => {
    const text = '-r https://example.com/reqs.txt\n-r /etc/reqs.txt\n-r ../../../outside.txt\n-r ./inner/../ok.txt\n';
    expect(parse(text).includes).toEqual([{ file: 'services/ingest/ok.txt', kind: 'requirements', line: 4 }]);
  });

  it('cuts comments only at a # that starts the line or follows whitespace', () => {
    const text = '# heading\n  # indented comment\nhttps://example.com/pkgs/lake_tools-1.0.tar.gz#egg=lake-tools # comment\n';
    const [requirement] = parse(text).requirements;
    expect(requirement).toMatchObject({
      name: 'lake-tools',
      pinnedVersion: '1.0',
      source: { kind: 'url', url: 'https://example.com/pkgs/lake_tools-1.0.tar.gz' },
      line: 3,
    });
  });

  it('joins continuation lines pip-style: a comment line ends the run, a trailing backslash at the end is fine', () => {
    const text = 'pandas==2.1.1 \\\n  # the hash comes next\n--hash=sha256:abcd\nboto3\\\n==1.28.0\\\n';
    expect(skippedEntry(parse(text))).toEqual({ line: 3, reason: expect.stringMatching(/--hash belongs on the line of the requirement/) });
    const joined = parse('pandas==2.1.1 \\\n    --hash=sha256:abcd \\\n    --hash=sha512:ef01\nboto3\\\n==1.28.0\\\n');
    expect(joined.requirements.map((r) => [r.name, r.specifier, r.hashes, r.line])).toEqual([
      ['pandas', '==2.1.1', ['sha256:abcd', 'sha512:ef01'], 1],
      ['boto3', '==1.28.0', [], 4],
    ]);
  });

  it('reads CRLF files with the same lines', () => {
    const result = parse('pandas==2.1.1\r\n\r\n# c\r\npyarrow>=12 \\\r\n  --hash=sha256:ab\r\n');
    expect(result.requirements.map((r) => [r.name, r.line, r.hashes])).toEqual([
      ['pandas', 1, []],
      ['pyarrow', 4, ['sha256:ab']],
    ]);
  });

  it('derives names pip would: #egg first, then the archive file name, then the repository or directory', () => {
    const text = [
      'git+https://github.com/example/feature-store.git@main',
      'https://files.example.com/dl/Lake.Tools-2.0.0.zip',
      'https://files.example.com/dl/odd.whl ; python_version < "3.12"',
      '-e ../sibling-lib',
    ].join('\n');
    const result = parse(text, 'requirements.txt');
    expect(result.requirements.map((r) => [r.name, r.pinnedVersion, r.marker])).toEqual([
      ['feature-store', undefined, undefined],
      ['lake-tools', '2.0.0', undefined],
      ['odd', undefined, 'python_version < "3.12"'],
      ['sibling-lib', undefined, undefined],
    ]);
  });

  it('takes a hash from a URL fragment and a wheel version only when the wheel is the named package', () => {
    const text = [
      'pyarrow @ https://files.example.com/pyarrow-14.0.1-cp311-cp311-manylinux_2_28_x86_64.whl#sha256=00ff',
      'numpy @ https://files.example.com/pyarrow-14.0.1-cp311-none-any.whl',
    ].join('\n');
    const [pyarrow, numpy] = parse(text).requirements;
    expect(pyarrow).toMatchObject({ pinnedVersion: '14.0.1', hashes: ['sha256:00ff'] });
    expect(numpy!.pinnedVersion).toBeUndefined();
  });

  it('does not pin wildcards, compatible releases or ranges, but does pin == beside other clauses', () => {
    const pins = parse('a==1.*\nb~=1.2\nc>=1,<2\nd==1.2.3,!=1.2.4\ne==1.0.0rc1\nf===weird-build\n').requirements.map((r) => r.pinnedVersion);
    expect(pins).toEqual([undefined, undefined, undefined, '1.2.3', '1.0.0rc1', 'weird-build']);
  });

  it('accepts and ignores pip options that only tune downloading and building', () => {
    const text = [
      '--pre',
      '--no-index',
      '--require-hashes',
      '--only-binary :all:',
      '--use-feature=truststore',
      '-f https://wheels.example.com',
      'pandas --config-settings "--build-option=--fast" --global-option=x',
    ].join('\n');
    const result = parse(text);
    expect(result.requirements.map((r) => r.name)).toEqual(['pandas']);
    expect(result.indexes).toEqual([]);
  });

  describe('malformed lines', () => {
    it.each([
      ['this is not a requirement', 3, /invalid requirement "this is not a requirement"/],
      ['pandas==', 3, /"==" is not a version specifier/],
      ['pandas[s3', 3, /extras is never closed/],
      ['pandas ; python_version >>> "3"', 3, /invalid environment marker/],
      ['pandas ; platform_flavour == "x"', 3, /expected a marker variable/],
      ['pandas @', 3, /expected a URL/],
      ['pandas @ https://x/p.whl junk', 3, /unexpected "junk"/],
      ['--hash=sha256:abcd', 3, /--hash belongs on the line/],
      ['pandas --hash=md5', 3, /not of the form algorithm:hexdigest/],
      ['--frobnicate', 3, /unknown option "--frobnicate"/],
      ['-r', 3, /-r needs a value/],
      ['--pre=yes', 3, /takes no value/],
      ['--trusted-host "unterminated', 3, /unterminated quote/],
    ])('%s → left out, noting its line; the lines around it are read', (line, expected, message) => {
      const manifest = parse(`pandas\n# fine so far\n${line}\nnumpy\n`);
      expect(skippedEntry(manifest)).toEqual({ line: expected, reason: expect.stringMatching(message) });
      expect(manifest.requirements.map((r) => [r.name, r.line])).toEqual(expect.arrayContaining([['pandas', 1], ['numpy', 4]]));
    });

    it('notes a continued requirement at the line it starts on', () => {
      expect(skippedEntry(parse('ok\nbroken \\\n  >= \\\n  1 2\n')).line).toBe(2);
    });

    it('keeps messages short for huge lines', () => {
      expect(skippedEntry(parse(`x ${'y'.repeat(1_000_000)}`)).reason.length).toBeLessThan(300);
    });
  });
});
