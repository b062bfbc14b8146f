import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandsOf } from '../../../src/analyzers/container/dockerfile/shell.js';
import { dockerRuns, optionValues } from '../../../src/analyzers/shell/docker-run.js';

const runsOf = (script: string) => dockerRuns(commandsOf(script));

describe('docker run command lines', () => {
  it('finds the image past flags, clustered short options, values after a space or "=", and global options', () => {
    const [run] = runsOf('sudo docker --context prod run -it --rm -e A=1 --env=B=2 -p 8080:80 -dv /data:/data --name etl ghcr.io/acme/etl:1.2 python -m etl --rm');
    expect(run?.image?.text).toBe('ghcr.io/acme/etl:1.2');
    expect(run?.options.map((o) => [o.name, o.value])).toEqual([
      ['i', undefined],
      ['t', undefined],
      ['rm', undefined],
      ['e', 'A=1'],
      ['env', 'B=2'],
      ['p', '8080:80'],
      ['d', undefined],
      ['v', '/data:/data'],
      ['name', 'etl'],
    ]);
    expect(optionValues(run!, 'v', 'volume')).toEqual([{ value: '/data:/data', word: expect.objectContaining({ text: '-dv' }) }]);
  });

  it('reads docker container run, podman and nerdctl, and leaves other subcommands and programs alone', () => {
    expect(runsOf('docker container run alpine:3.20\npodman run -v=/a:/b fedora:41\nnerdctl run busybox').map((r) => r.image?.text)).toEqual(['alpine:3.20', 'fedora:41', 'busybox']);
    expect(runsOf('docker ps -a\ndocker build -t x .\necho docker run alpine\nmy-docker run x')).toEqual([]);
  });

  it('takes the word after -- as the image, and has none when the line ends first', () => {
    expect(runsOf('docker run --rm -- -weird-image:1').map((r) => r.image?.text)).toEqual(['-weird-image:1']);
    expect(runsOf('docker run --rm -v').map((r) => r.image)).toEqual([undefined]);
  });

  it('expands variables the script set to literals before the command: split unquoted, whole quoted', () => {
    const script = [
      'OPTS="--privileged -v /var/run/docker.sock:/var/run/docker.sock"',
      'export IMAGE=ghcr.io/acme/etl:2.1 NAME="nightly load"',
      'docker run $OPTS --name "$NAME" ${IMAGE} load',
      'OPTS=$(cat opts) TAG=latest',
      'IMAGE=other:1 docker run $OPTS $IMAGE:$TAG',
    ].join('\n');
    const [first, second] = runsOf(script);
    expect(first?.options.map((o) => [o.name, o.value])).toEqual([
      ['privileged', undefined],
      ['v', '/var/run/docker.sock:/var/run/docker.sock'],
      ['name', 'nightly load'],
    ]);
    expect(first?.image?.text).toBe('ghcr.io/acme/etl:2.1');
    expect(script.slice(first!.options[0]!.word.start, first!.options[0]!.word.end)).toBe('$OPTS');
    // OPTS became unknown; a prefix assignment is the command's environment, not the shell's.
    expect(second?.options).toEqual([]);
    expect(second?.image?.text).toBe('$OPTS');
  });

  it('reads options after a run-time word as uncertain options, keeping that word as the image', () => {
    const [opts, image] = runsOf('docker run $OPTS --privileged -v /a:/b img\ndocker run "${IMAGE}" --config x.yml');
    expect(opts?.image?.text).toBe('$OPTS');
    expect(opts?.options.map((o) => [o.name, o.value, o.uncertain])).toEqual([
      ['privileged', undefined, true],
      ['v', '/a:/b', true],
    ]);
    expect(image?.image?.text).toBe('${IMAGE}');
    expect(image?.options.map((o) => [o.name, o.value, o.uncertain])).toEqual([['config', 'x.yml', true]]);
    expect(runsOf('docker run --rm $IMAGE python -V')[0]?.options.map((o) => o.uncertain)).toEqual([undefined]);
  });

  it('never throws, whatever the words', () => {
    const word = fc.oneof(fc.constantFrom('-', '--', '-v', '--mount', '-itd', '--rm', '=', 'run', 'container'), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), (words) => {
        const runs = runsOf(`docker run ${words.map((w) => `'${w.replace(/'/g, '')}'`).join(' ')}`);
        expect(runs).toHaveLength(1);
      }),
    );
  });
});
