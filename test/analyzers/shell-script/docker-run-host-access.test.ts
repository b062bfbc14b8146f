import { describe, expect, it } from 'vitest';
import { analyzeShellText } from './scan.js';

const found = (script: string) =>
  analyzeShellText(script, 'jobs/run.sh')
    .findings.filter((f) => f.ruleId === 'sh.docker-run-host-access')
    .map((f) => `${f.location.startLine}:${f.location.startColumn} ${f.severity} ${f.message}`);

describe('sh.docker-run-host-access', () => {
  it('rates each way a container reaches the host, at the option that grants it', () => {
    const script = [
      '#!/bin/bash',
      'docker run --privileged --mount type=bind,src=/run/containerd/containerd.sock,dst=/c.sock \\',
      '  --network=host --pid host --uts=host --cap-add sys_admin,CHOWN --security-opt label=disable \\',
      '  --security-opt systempaths=unconfined acme/agent:1.0',
    ].join('\n');
    expect(found(script)).toEqual([
      '2:12 critical docker run of acme/agent:1.0 is privileged (--privileged): root on the host',
      '2:25 critical docker run of acme/agent:1.0 mounts the container runtime socket /run/containerd/containerd.sock: root on the host',
      '3:3 high docker run of acme/agent:1.0 shares the host\'s network namespace (--network host)',
      '3:18 high docker run of acme/agent:1.0 shares the host\'s process namespace (--pid host)',
      '3:29 low docker run of acme/agent:1.0 shares the host\'s UTS namespace (--uts host)',
      '3:40 high docker run of acme/agent:1.0 adds the SYS_ADMIN capability',
      '3:66 medium docker run of acme/agent:1.0 turns SELinux separation off (--security-opt label=disable)',
      '4:3 high docker run of acme/agent:1.0 unmasks the /proc and /sys paths the runtime hides, and makes them writable (--security-opt systempaths=unconfined)',
    ]);
  });

  it('finds the socket however the volume is written, read-only included, and leaves project mounts, other commands and words after the image alone', () => {
    const script = [
      '#!/bin/sh',
      'docker run -v //var/run/docker.sock:/var/run/docker.sock:ro -v "$PWD":/src -v data:/data builder:2',
      'docker run -v /srv/etl:/etl etl:3 --privileged --net host',
      'echo "docker run --privileged x"',
    ].join('\n');
    expect(found(script)).toEqual(['2:12 critical docker run of builder:2 mounts the container runtime socket //var/run/docker.sock: root on the host']);
  });

  it('reads nvidia-docker, honours --privileged=false, and takes a mount of / or /var for the socket it holds', () => {
    const script = ['#!/bin/sh', 'nvidia-docker run --privileged=false -v "/:/host:ro,rslave" -v /var/:/hostvar gpu/job:1', 'docker run --privileged=true job:2'].join('\n');
    expect(found(script)).toEqual([
      '2:38 critical docker run of gpu/job:1 mounts /, which holds the container runtime socket: root on the host',
      '2:61 critical docker run of gpu/job:1 mounts /var/, which holds the container runtime socket: root on the host',
      '3:12 critical docker run of job:2 is privileged (--privileged): root on the host',
    ]);
  });
});
