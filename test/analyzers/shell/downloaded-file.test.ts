import { describe, expect, it } from 'vitest';
import { commandsOf, programIndex } from '../../../src/analyzers/container/dockerfile/shell.js';
import { downloadedFileRuns } from '../../../src/analyzers/shell/downloaded-file.js';

const runs = (...lines: string[]) => downloadedFileRuns([commandsOf(lines.join('\n'))]).map((run) => run.message);

describe('downloaded files run later in a script', () => {
  it('takes a digest as the check only when it is compared: in a test, through grep, kept in a variable, or with -c', () => {
    const download = 'curl -fsSL https://get.example.com -o "$installer"';
    expect(runs(download, 'log "Installer sha256: $(sha256sum "$installer" | cut -d" " -f1)"', 'bash "$installer"')).toEqual([
      '$installer, downloaded by curl, is run by bash without verification',
    ]);
    expect(runs(download, 'sha256sum "$installer"', 'bash "$installer"')).toHaveLength(1);
    expect(runs(download, 'if [ "$(sha256sum "$installer" | cut -d" " -f1)" != "$SUM" ]; then exit 1; fi', 'bash "$installer"')).toEqual([]);
    expect(runs(download, 'sha256sum "$installer" | grep -q "$SUM"', 'bash "$installer"')).toEqual([]);
    expect(runs(download, 'actual=$(shasum -a 256 "$installer")', 'bash "$installer"')).toEqual([]);
    expect(runs(download, 'shasum -a 256 -c installer.sha256', 'bash "$installer"')).toEqual([]);
    expect(runs(download, 'gpgv installer.sig "$installer"', 'bash "$installer"')).toEqual([]);
  });

  it('follows the file through mv, cp or install into a directory or onto a new name', () => {
    expect(runs('curl -Os https://uploader.example/codecov', 'chmod +x codecov', 'mv codecov /usr/local/bin/', '/usr/local/bin/codecov --file=c.xml')).toEqual([
      '/usr/local/bin/codecov, downloaded by curl, is run without verification',
    ]);
    expect(runs('wget -qO /tmp/t https://x.example/t', 'install -m 0755 /tmp/t /opt/bin/tool', '/opt/bin/tool --version')).toEqual([
      '/opt/bin/tool, downloaded by wget, is run without verification',
    ]);
  });

  it('resolves relative names against the directory cd enters, and matches nothing across an unknown one', () => {
    expect(runs('wget -P /opt/dl https://x.example/setup.sh', 'cd /opt/dl', 'bash setup.sh')).toEqual([
      'setup.sh, downloaded by wget, is run by bash without verification',
    ]);
    expect(runs('cd /tmp', 'curl -O https://x.example/i.sh', 'cd -', 'sh i.sh')).toEqual([]);
    expect(runs('curl -O https://x.example/i.sh', '(cd sub && ls)', 'sh i.sh')).toHaveLength(1);
  });

  it('names every downloader of a file once, at its first run', () => {
    const found = downloadedFileRuns([
      commandsOf(['if command -v curl; then curl -fsSLo i.sh https://x.example/i.sh; else wget -qO i.sh https://x.example/i.sh; fi', 'sh i.sh', 'sh i.sh'].join('\n')),
    ]);
    expect(found.map((run) => [run.message, run.downloads.map((d) => d.words[programIndex(d)]!.text)])).toEqual([['i.sh, downloaded by curl or wget, is run by sh without verification', ['curl', 'wget']]]);
  });

  it('follows a file across scripts run one after another, each from the same directory', () => {
    const scripts = (...texts: string[]) => downloadedFileRuns(texts.map((text) => commandsOf(text))).map((run) => run.message);
    expect(scripts('cd /tmp && curl -fsSLO https://x.example/i.sh', 'sh /tmp/i.sh')).toEqual(['/tmp/i.sh, downloaded by curl, is run by sh without verification']);
    expect(scripts('cd /tmp && curl -fsSLO https://x.example/i.sh', 'sh i.sh')).toEqual([]);
    expect(scripts('curl -fsSLO https://x.example/i.sh', 'sha256sum -c i.sh.sha256', 'sh i.sh')).toEqual([]);
  });
});
