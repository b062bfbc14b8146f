import { describe, expect, it } from 'vitest';
import { asFString, interpolations } from '../../../src/analyzers/notebook/interpolation.js';
import { findEmails, findPhoneNumbers, redactPersonalData } from '../../../src/analyzers/notebook/personal-data.js';
import { unpinnedPipRequirements } from '../../../src/analyzers/notebook/pip-install.js';
import type { PythonFacts } from '../../../src/analyzers/python/facts.js';
import { errorOutput, findingsOf, notebook, rawLine, resultOutput, scanNotebook, streamOutput } from './scan.js';

describe('nb.unpinned-pip-install', () => {
  it.each([
    ['pip install pandas matplotlib', ['pandas', 'matplotlib']],
    ['pip install -U "requests>=2.31" numpy==2.0.0', ['requests>=2.31']],
    ['python -m pip install --index-url https://pypi.org/simple pandas~=2.2', ['pandas~=2.2']],
    ['{sys.executable} -m pip install -q pyarrow', ['pyarrow']],
    ['uv pip install polars', ['polars']],
    ['cd /tmp && pip3 install scikit-learn; echo done', ['scikit-learn']],
    ['pip install "pandas[excel]==2.2.2" "numpy==2.*"', ['numpy==2.*']],
    ['pip install -r requirements.lock -c constraints.txt', []],
    ['pip install -e . ./vendor/pkg.whl git+https://github.com/org/repo@v1', []],
    ['pip install {pkg} $extra', []],
    ['pip install pandas===2.2.2', []],
    ['conda install pandas', []],
    ['pip download pandas', []],
  ])('%s → %j', (command, expected) => {
    expect(unpinnedPipRequirements(command)).toEqual(expected);
  });

  it('points at the install line and names the cell and the packages', () => {
    const json = notebook(['import os\n', 'x = 1\n%pip install -U requests\n']);
    const [finding] = findingsOf(json, 'nb.unpinned-pip-install');
    expect(finding!.message).toBe('pip install of requests without an exact version (cell 2, line 2)');
    expect(finding!.location.snippet).toBe('%pip install -U requests');
    expect(rawLine(json, finding!.location.startLine)).toBe('    "%pip install -U requests\\n"');
  });
});

describe('nb.shell-escape-injection', () => {
  it.each([
    ['aws s3 cp s3://b/{key} .', ['{key}']],
    ['wc -l $name {row["file"]} {cfg.path!r}', ['$name', '{row["file"]}', '{cfg.path!r}']],
    ["awk '{print $1}' data.csv", []],
    ['find . -name "*.csv" -exec rm {} \\;', []],
    ['echo $HOME ${PATH} {{literal}} $$ {DATA_DIR}', []],
    ["echo '$notexpanded'", []],
  ])('%s → %j', (command, expected) => {
    expect(interpolations(command)).toEqual(expected);
  });

  it.each([
    ['aws s3 cp s3://b/{key} .', "f'aws s3 cp s3://b/{key} .'"],
    ["gzip {name} && echo 'done {{x}}' $$HOME \\n", "f'gzip {name} && echo \\'done {{x}}\\' $HOME \\\\n'"],
    ['wc -l {row["file"]} $n', "f'wc -l {row[\"file\"]} {n}'"],
    ["cat {a['x']} {b[\"y\"]}", undefined],
    ['ls $HOME /data', undefined],
  ])('%s runs as %s', (command, python) => {
    expect(asFString(command)).toBe(python);
  });

  it('gives way to the taint finding, with its trace, where the spliced value comes from an ingestion point', () => {
    const json = notebook(['import pandas as pd\nname = pd.read_csv("s3://in/list.csv")["file"][0]\nother = pick()\n', '!gzip {name}\n!gzip {other}\nout = !cat $name\n']);
    expect(findingsOf(json, 'nb.shell-escape-injection').map((f) => f.message)).toEqual(['{other} is pasted into a shell command unquoted (cell 2, line 2)']);
    const taint = findingsOf(json, 'py.taint.command-injection');
    expect(taint.map((f) => [f.message.slice(-15), f.confidence])).toEqual([
      ['cell 2, line 1)', 'high'],
      ['cell 2, line 3)', 'high'],
    ]);
    expect(taint[0]!.trace!.map((s) => s.label)).toEqual([
      'source: pandas.read_csv (file) (cell 1, line 2)',
      'assigned to name (cell 1, line 2)',
      'sink: builtins.get_ipython().system() — the value runs as a shell command (cell 2, line 1)',
    ]);
  });

  it('reports expanding escapes only, not cell magic bodies', () => {
    const json = notebook(['f = pick()\n!rm {f}\nout = !cat $f\n', '%%bash\nrm $f\n']);
    const findings = findingsOf(json, 'nb.shell-escape-injection');
    expect(findings.map((f) => f.message)).toEqual([
      '{f} is pasted into a shell command unquoted (cell 1, line 2)',
      '$f is pasted into a shell command unquoted (cell 1, line 3)',
    ]);
    expect(findings.map((f) => f.cwe)).toEqual([['CWE-78'], ['CWE-78']]);
  });
});

describe('nb.sql-magic-injection', () => {
  it('reports splices into %sql lines and %%sql cells, not bound parameters or literal queries', () => {
    const json = notebook(['%load_ext sql\nt = pick()\n', "%sql SELECT * FROM {t} WHERE id = :id\nn = %sql SELECT count(*) FROM x WHERE r = $t\n%sql SELECT 1\n", '%%sql\nDROP TABLE {{ t }}\n']);
    expect(findingsOf(json, 'nb.sql-magic-injection').map((f) => [f.message, f.cwe])).toEqual([
      ['{t} is spliced into a %sql query as text (cell 2, line 1)', ['CWE-89']],
      ['$t is spliced into a %sql query as text (cell 2, line 2)', ['CWE-89']],
      ['{t} is spliced into a %sql query as text (cell 3, line 1)', ['CWE-89']],
    ]);
  });

  it('gives way to the taint finding, with its trace, where the spliced value comes from an ingestion point', () => {
    const json = notebook(['import pandas as pd\ntable = pd.read_csv("s3://in/tables.csv")["name"][0]\n', '%%sql\nDELETE FROM {{table}}\n', 'rows = %sql SELECT * FROM {table}\n']);
    expect(findingsOf(json, 'nb.sql-magic-injection')).toEqual([]);
    const taint = findingsOf(json, 'py.taint.sql-injection');
    expect(taint.map((f) => [f.message.slice(-15), f.confidence])).toEqual([
      ['cell 2, line 1)', 'high'],
      ['cell 3, line 1)', 'high'],
    ]);
    expect(taint[0]!.trace!.at(-1)!.label).toBe('sink: builtins.get_ipython().run_cell_magic() — the value runs as SQL (%%sql) (cell 2, line 1)');
  });

  it('leaves a run_line_magic call of another magic to the other rules', () => {
    const json = notebook(['import pandas as pd\nv = pd.read_csv("s3://in/x.csv")["v"][0]\nget_ipython().run_line_magic("matplotlib", v)\n']);
    expect(findingsOf(json, 'py.taint.sql-injection')).toEqual([]);
  });
});

describe('nb.output-personal-data', () => {
  it('finds people’s addresses, including non-ASCII ones, and skips role accounts, file names and versions', () => {
    const text = 'zoë.müller@example.de, Mark.Tan@Example.com. support@example.com git@github.com icon@2x.png pandas@1.3.5 @home';
    expect(findEmails(text).map((m) => m.value)).toEqual(['zoë.müller@example.de', 'Mark.Tan@Example.com']);
  });

  it('finds international and North American phone numbers, not dates, ids or IP addresses', () => {
    const text = 'call +49 151 2345 6789 or (415) 555-0100 or 415.555.0101; 2024-03-01 FB-100231 192.168.100.200 12:30:45 +1 2';
    expect(findPhoneNumbers(text).map((m) => m.value)).toEqual(['+49 151 2345 6789', '(415) 555-0100', '415.555.0101']);
  });

  it('redacts every value', () => {
    expect(redactPersonalData('a anna@example.com b +49 151 2345 6789 c')).toBe('a <email> b <phone> c');
  });

  it('counts distinct values across the text and HTML forms of one output, and never prints them', () => {
    const json = notebook([
      'df.head()\n',
      {
        source: 'df.head()\n',
        outputs: [
          resultOutput({
            'text/plain': 'id email\n0 anna@example.com\n1 ben@example.org\n2 +44 20 7946 0958\n',
            'text/html': '<td>anna@example.com</td><td>ben@example.org</td>',
          }),
          streamOutput('no contacts here\n'),
        ],
      },
    ]);
    const [finding, ...rest] = findingsOf(json, 'nb.output-personal-data');
    expect(rest).toEqual([]);
    expect(finding!.message).toBe('Output 1 of cell 2 shows 2 email addresses and 1 phone number (values redacted)');
    expect(finding!.location.snippet).toBe('0 <email>');
    expect(JSON.stringify(finding)).not.toMatch(/anna|ben@|7946/);
    expect(rawLine(json, finding!.location.startLine)).toContain('0 anna@example.com');
  });
});

describe('nb.output-stack-trace', () => {
  it('reports a traceback with home and mount paths, with the user name left out', () => {
    const json = notebook([
      {
        source: 'load()\n',
        outputs: [
          errorOutput('OSError', 'boom', [
            '\u001b[0;31mOSError\u001b[0m    Traceback (most recent call last)',
            '\u001b[0;32m/home/dkowalczyk/envs/x/lib/site.py\u001b[0m in \u001b[0;36mload\u001b[0m',
            'File /mnt/landing/a.csv, https://example.com/opt/x',
          ]),
        ],
      },
    ]);
    const [finding] = findingsOf(json, 'nb.output-stack-trace');
    expect(finding!.message).toBe('Output 1 of cell 1 keeps a stack trace showing paths under /home/…, /mnt');
    expect(finding!.location.snippet).toBe('/home/…/envs/x/lib/site.py in load');
    expect(finding!.severity).toBe('low');
    expect(JSON.stringify(finding)).not.toMatch(/dkowalczyk/);
  });

  it('ignores paths in ordinary output and stderr without a traceback', () => {
    const json = notebook([
      { source: 'x\n', outputs: [streamOutput('saved to /home/dana/out.csv\n'), streamOutput('/opt/conda/lib/x.py:3: FutureWarning\n', 'stderr')] },
    ]);
    expect(findingsOf(json, 'nb.output-stack-trace')).toEqual([]);
  });
});

describe('nb.curl-pipe-shell', () => {
  it('names the cell and line of a download piped into a shell, in an escape or a %%bash cell', () => {
    const json = notebook(['import os\n!wget -qO- https://example.com/get.sh | sudo sh\n', '%%bash\nset -e\ncurl -s https://example.com/x.py | tee x.log | python3\n']);
    const findings = findingsOf(json, 'nb.curl-pipe-shell');
    expect(findings.map((f) => [f.message, f.location.snippet])).toEqual([
      ['Output of wget is piped into sh without verification (cell 1, line 2)', '!wget -qO- https://example.com/get.sh | sudo sh'],
      ['Output of curl is piped into python3 without verification (cell 2, line 3)', 'curl -s https://example.com/x.py | tee x.log | python3'],
    ]);
  });

  it('follows a downloaded file to the line or cell that runs it, and reads a heredoc in a shell cell as text', () => {
    const json = notebook([
      '!curl -fsSLo /tmp/setup.sh https://example.com/setup.sh\n',
      '%%bash\ncat > /tmp/notes.sh <<EOF\ncurl -s https://example.com/x.sh | sh\nEOF\nchmod +x /tmp/setup.sh\n/tmp/setup.sh --all\n',
    ]);
    expect(findingsOf(json, 'nb.curl-pipe-shell').map((f) => [f.message, f.location.snippet])).toEqual([
      ['/tmp/setup.sh, downloaded by curl, is run without verification (cell 2, line 6)', '/tmp/setup.sh --all'],
    ]);
  });

  it('leaves a download written to a file or piped into a non-interpreter alone', () => {
    const json = notebook(['!curl -so data.csv https://example.com/data.csv\n!curl -s https://example.com/d.json | jq .rows\n']);
    expect(findingsOf(json, 'nb.curl-pipe-shell')).toEqual([]);
  });
});

describe('nb.docker-run-host-access', () => {
  it('names the cell and line of each host access a docker run in an escape or a continued %%bash line gives', () => {
    const json = notebook([
      'import os\n!sudo docker run --rm --privileged -v /var/run/docker.sock:/var/run/docker.sock acme/agent:3.0\n',
      '%%bash\nset -e\ndocker run -d \\\n  --pid=host --cap-add SYS_ADMIN acme/trace:1.1\n',
    ]);
    const findings = findingsOf(json, 'nb.docker-run-host-access');
    expect(findings.map((f) => [f.message, f.severity, f.location.snippet])).toEqual([
      ['docker run of acme/agent:3.0 is privileged (--privileged): root on the host (cell 1, line 2)', 'critical', expect.stringContaining('--privileged')],
      ['docker run of acme/agent:3.0 mounts the container runtime socket /var/run/docker.sock: root on the host (cell 1, line 2)', 'critical', expect.stringContaining('--privileged')],
      ["docker run of acme/trace:1.1 shares the host's process namespace (--pid host) (cell 2, line 3)", 'high', 'docker run -d \\'],
      ['docker run of acme/trace:1.1 adds the SYS_ADMIN capability (cell 2, line 3)', 'high', 'docker run -d \\'],
    ]);
    expect(rawLine(json, findings[0]!.location.startLine)).toContain('!sudo docker run');
  });

  it('reads a heredoc a %%bash cell writes to a file as text, for this rule, the certificate rule and the started containers', () => {
    const json = notebook(['%%bash\ncat > run.sh <<EOF\ndocker run --privileged acme/x:1\ncurl -k https://x.example\nEOF\ndocker run --rm acme/y:2\n']);
    const { findings, facts } = scanNotebook(json);
    expect(findings.filter((f) => f.ruleId.startsWith('nb.')).map((f) => f.ruleId)).toEqual([]);
    expect((facts.notebook as PythonFacts).lineage!.containers!.map((c) => [c.image, rawLine(json, c.line).trim()])).toEqual([['acme/y:2', '"docker run --rm acme/y:2\\n"']]);
  });

  it('lowers its confidence for options after a word IPython fills in, and leaves an echo and GPU access alone', () => {
    const json = notebook(['!docker run {flags} --privileged acme/x:1\n!echo docker run --privileged x\n!docker run --gpus all acme/train:2\n']);
    expect(findingsOf(json, 'nb.docker-run-host-access').map((f) => [f.message, f.confidence])).toEqual([
      ['docker run of a container is privileged (--privileged): root on the host (cell 1, line 1)', 'medium'],
    ]);
  });
});
