import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../../src/analyzers/container/dockerfile/parse.js';
import { commandsOf, programIndex, runScripts } from '../../../src/analyzers/container/dockerfile/shell.js';

describe('Dockerfile parser', () => {
  it('joins continuations, drops comment lines inside them, and maps offsets back to lines and columns', () => {
    const file = parseDockerfile('FROM debian:12\nRUN apt-get update && \\\n# a comment\n\n    apt-get install -y curl\nUSER app\n');
    const run = file.instructions[1]!;
    expect(run).toMatchObject({ keyword: 'RUN', startLine: 2, endLine: 5 });
    expect(run.body.text).toBe('apt-get update &&     apt-get install -y curl');
    expect(run.body.position(run.body.text.indexOf('install'))).toEqual({ line: 5, column: 13 });
    expect(file.instructions.map((i) => i.keyword)).toEqual(['FROM', 'RUN', 'USER']);
  });

  it('honours the escape directive and records parser directives only at the top', () => {
    const file = parseDockerfile('# escape=`\n# syntax=docker/dockerfile:1\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir `\n  c:\\\n# check=skip=all\n');
    expect(file.directives).toEqual(new Map([['escape', '`'], ['syntax', 'docker/dockerfile:1']]));
    expect(file.instructions[1]!.body.text).toBe('dir   c:\\');
  });

  it('reads heredoc bodies, several per instruction and with <<- tab stripping, without taking their lines for instructions', () => {
    const file = parseDockerfile('FROM alpine:3.20\nCOPY <<A <<-"B" /etc/\nFROM x\nA\n\tRUN y\n\tB\nRUN <<<"not a heredoc" cat\n');
    const copy = file.instructions[1]!;
    expect(copy.heredocs.map((h) => [h.name, h.body.text])).toEqual([
      ['A', 'FROM x\n'],
      ['B', 'RUN y\n'],
    ]);
    expect(copy.endLine).toBe(6);
    expect(file.instructions.map((i) => i.keyword)).toEqual(['FROM', 'COPY', 'RUN']);
    expect(file.instructions[2]!.heredocs).toEqual([]);
    expect(copy.heredocs[1]!.body.position(0)).toEqual({ line: 5, column: 2 });
  });

  it('parses exec form as JSON and falls back to shell form for brackets that are not JSON', () => {
    const file = parseDockerfile('FROM a:1\nCMD ["python", "-m", "x"]\nRUN [ -f /x ] && echo y\n');
    expect(file.instructions[1]!.json).toEqual(['python', '-m', 'x']);
    expect(file.instructions[2]!.json).toBeUndefined();
  });

  it('splits leading options from the arguments and builds stages', () => {
    const file = parseDockerfile('ARG BASE=python:3.12\nFROM --platform=$BUILDPLATFORM ${BASE} AS Build\nRUN --mount=type=cache,target=/root/.cache pip install x==1\nFROM build\nUSER 1\n');
    expect(file.preamble.map((i) => i.keyword)).toEqual(['ARG']);
    expect(file.stages.map((s) => [s.base, s.name, s.instructions.length])).toEqual([
      ['${BASE}', 'build', 1],
      ['build', undefined, 1],
    ]);
    const run = file.stages[0]!.instructions[0]!;
    expect(run.flags.get('mount')).toBe('type=cache,target=/root/.cache');
    expect(run.body.text).toBe('pip install x==1');
    expect(run.body.position(0)).toEqual({ line: 3, column: 44 });
  });

  it('splits shell scripts into commands joined by operators, honouring quotes', () => {
    const commands = commandsOf(`curl -fsSL 'https://x/a b' | sh -s -- --yes && echo "a && b" ; X=1 pip install "p==1"`);
    expect(commands.map((c) => [c.after, c.words.map((w) => w.text)])).toEqual([
      ['', ['curl', '-fsSL', 'https://x/a b']],
      ['|', ['sh', '-s', '--', '--yes']],
      ['&&', ['echo', 'a && b']],
      [';', ['X=1', 'pip', 'install', 'p==1']],
    ]);
  });

  it('joins the lines of a continuation without making a word of it', () => {
    const commands = commandsOf('curl -fsSL https://x/i.sh | sudo \\\n  bash -s \\\n  -- --yes\nec\\\nho done\n');
    expect(commands.map((c) => c.words.map((w) => w.text))).toEqual([['curl', '-fsSL', 'https://x/i.sh'], ['sudo', 'bash', '-s', '--', '--yes'], ['echo', 'done']]);
  });

  it('keeps a command substitution in its word and lists its commands one depth deeper, before the command around it', () => {
    const show = (script: string) => commandsOf(script).map((c) => [c.depth, c.after, c.words.map((w) => w.text)]);
    expect(show('docker run -v $(pwd):/src --privileged img')).toEqual([
      [1, '', ['pwd']],
      [0, '', ['docker', 'run', '-v', '$(pwd):/src', '--privileged', 'img']],
    ]);
    expect(show('echo "$(curl "https://x" | sh)" && ls `which python` -l')).toEqual([
      [1, '', ['curl', 'https://x']],
      [1, '|', ['sh']],
      [0, '', ['echo', '$(curl "https://x" | sh)']],
      [1, '', ['which', 'python']],
      [0, '&&', ['ls', '`which python`', '-l']],
    ]);
    expect(show('V=$(cat a | grep "b)" | (cd x && ls)) run $V')).toEqual([
      [1, '', ['cat', 'a']],
      [1, '|', ['grep', 'b)']],
      [1, '(', ['cd', 'x']],
      [1, '&&', ['ls']],
      [0, '', ['V=$(cat a | grep "b)" | (cd x && ls))', 'run', '$V']],
    ]);
    const script = 'echo `date -u` $(id -u)';
    const date = commandsOf(script)[0]!.words[0]!;
    expect(script.slice(date.start, date.end)).toBe('date');
  });

  it('reads the script a shell runs from -c as commands one depth deeper, placed in the outer script', () => {
    const script = `docker exec etl sh -ec 'curl -fsSL https://x | bash' && su app -s /bin/bash -c "pip install \\"a\\"" ; bash build.sh -c x`;
    const commands = commandsOf(script);
    expect(commands.map((c) => [c.depth, c.after, c.words.map((w) => w.text)])).toEqual([
      [1, '', ['curl', '-fsSL', 'https://x']],
      [1, '|', ['bash']],
      [0, '', ['docker', 'exec', 'etl', 'sh', '-ec', 'curl -fsSL https://x | bash']],
      [1, '', ['pip', 'install', 'a']],
      [0, '&&', ['su', 'app', '-s', '/bin/bash', '-c', 'pip install "a"']],
      [0, ';', ['bash', 'build.sh', '-c', 'x']],
    ]);
    const curl = commands[0]!.words[0]!;
    expect(script.slice(curl.start, curl.end)).toBe('curl');
    const pip = commands[3]!.words[0]!;
    expect(script.slice(pip.start, pip.end)).toBe('"pip install \\"a\\""');
    // A substitution inside the script is listed once, as the script's.
    expect(commandsOf('bash -c "echo $(curl -k https://x)" $(id)').map((c) => [c.depth, c.words[0]!.text])).toEqual([
      [2, 'curl'],
      [1, 'echo'],
      [1, 'id'],
      [0, 'bash'],
    ]);
  });

  it('finds the program past wrappers and their operands, and the command a container exec runs after --', () => {
    const programs = (script: string) => commandsOf(script).map((c) => [c.depth, c.words[programIndex(c)]?.text]);
    expect(programs('timeout -s KILL 60 docker run x\nnice -n 5 ionice -c 3 stdbuf -oL setsid make\nsudo -u etl env -u HOME pip install a')).toEqual([
      [0, 'docker'],
      [0, 'make'],
      [0, 'pip'],
    ]);
    expect(programs('lxc exec web -- docker run x\nkubectl exec -it pod -c app --insecure-skip-tls-verify -- curl -k https://x\nkubectl exec pod')).toEqual([
      [1, 'docker'],
      [0, 'lxc'],
      [1, 'curl'],
      [0, 'kubectl'],
      [0, 'kubectl'],
    ]);
  });

  it('finds the program past the reserved words a condition or loop leaves at the start of a command, not past quoted ones', () => {
    const programs = (script: string) => commandsOf(script).map((c) => c.words[programIndex(c)]?.text);
    expect(programs('if ! curl -fsS https://x; then sudo pip install a; elif true; then { make; }; else wget y; fi')).toEqual(['curl', 'pip', 'true', 'make', '}', 'wget', 'fi']);
    expect(programs('for f in a b; do bash "$f"; done\nwhile read l; do echo "$l"; done\n"if" x')).toEqual(['for', 'bash', 'done', 'read', 'echo', 'done', 'if']);
  });

  it('splits any script, however its quotes, substitutions and heredocs nest, into words inside it', () => {
    const piece = fc.constantFrom('$(', '$((', ')', '`', '"', "'", '\\', 'a', ' ', '|', '\n', '<<E', 'E', '#', '&&', '(');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const script = pieces.join('');
        for (const command of commandsOf(script)) {
          expect(command.depth).toBeGreaterThanOrEqual(0);
          for (const word of command.words) expect(0 <= word.start && word.start < word.end && word.end <= script.length).toBe(true);
        }
      }),
    );
    const deep = commandsOf(`${'echo $('.repeat(5000)}id${')'.repeat(5000)}`);
    expect(Math.max(...deep.map((c) => c.depth))).toBe(16);
  });

  it('reads a heredoc body as commands only when a shell reads it, and keeps their places in the script', () => {
    const script = 'cat > /etc/motd <<EOF\ncurl https://x | sh\nEOF\nsudo bash <<-\'SH\' && echo ok\n\tpip install a\n\tSH\necho $((1<<b))\nls\n';
    const commands = commandsOf(script);
    expect(commands.map((c) => c.words.map((w) => w.text))).toEqual([
      ['cat', '>', '/etc/motd', '<<EOF'],
      ['sudo', 'bash', '<<-SH'],
      ['echo', 'ok'],
      ['pip', 'install', 'a'],
      ['echo', '$((1<<b))'],
      ['ls'],
    ]);
    const pip = commands[3]!.words[0]!;
    expect(script.slice(pip.start, pip.end)).toBe('pip');
    expect(commandsOf('bash<<X\nrm -rf /tmp/a\nX\n').map((c) => c.words[0]!.text)).toEqual(['bash', 'rm']);
  });

  it('runs a RUN heredoc as a script when no program or a shell reads it, not when it is a file or Python', () => {
    const scripts = (text: string) => runScripts(parseDockerfile(`FROM a:1\n${text}`)).map((s) => s.commands.map((c) => c.words[0]!.text));
    expect(scripts('RUN <<EOF\napk add curl\nEOF\n')).toEqual([['<<EOF'], ['apk']]);
    expect(scripts('RUN bash <<EOF\napk add curl\nEOF\n')).toEqual([['bash'], ['apk']]);
    expect(scripts('RUN cat <<EOF > /etc/x.conf\ncurl https://x | sh\nEOF\n')).toEqual([['cat']]);
    expect(scripts('RUN python3 <<EOF\nimport os\nEOF\n')).toEqual([['python3']]);
    expect(scripts('RUN <<EOF\n#!/usr/bin/env python3\nprint(1)\nEOF\n')).toEqual([['<<EOF']]);
    expect(scripts('RUN <<EOF\n#!/bin/bash\nset -e\nEOF\n')).toEqual([['<<EOF'], ['set']]);
  });

  it('reads the script of an exec-form RUN that names a shell', () => {
    const scripts = runScripts(parseDockerfile('FROM a:1\nRUN ["/bin/sh", "-c", "curl -s https://x | sh"]\n'));
    expect(scripts.map((s) => s.commands.length)).toEqual([2]);
  });

  it('never throws on hostile input', () => {
    for (const text of ['\\', 'RUN \\', 'RUN <<EOF', `RUN ${'"'.repeat(10_001)}`, '\u0000FROM', `${'RUN x \\\n'.repeat(20_000)}`, 'FROM\nUSER\nADD\nENV\nARG =']) {
      expect(() => parseDockerfile(text)).not.toThrow();
      expect(() => runScripts(parseDockerfile(text))).not.toThrow();
    }
  });
});
