import { describe, expect, it } from 'vitest';
import { scan } from '../scan.js';

const ID = 'py.docker-sdk.privileged-container';
const found = (code: string) => scan(code, ID).map((f) => `${f.location.startLine} ${f.severity} ${f.message}`);

describe(ID, () => {
  it('reports each setting that hands a docker-py container the host, whichever way the client is made', () => {
    const code = [
      'import docker',
      'from docker import DockerClient',
      'from docker.types import Mount',
      'client = docker.from_env()',
      'client.containers.run("acme/a:1", privileged=True, pid_mode="host",',
      '    volumes={"/var/run/docker.sock": {"bind": "/var/run/docker.sock", "mode": "ro"}, "/data": {"bind": "/data"}})',
      'remote = DockerClient(base_url="tcp://build:2376")',
      'remote.containers.create("acme/b:1", network_mode="host", cap_add=["NET_ADMIN"],',
      '    volumes=["/run/containerd/containerd.sock:/c.sock"], mounts=[Mount("/d", "/var/run/docker.sock")])',
      'class Runner:',
      '    def start(self):',
      '        return self.client.containers.run("acme/c:1", privileged=True)',
    ].join('\n');
    expect(found(code)).toEqual([
      '5 critical The container runs privileged: full access to the host',
      '5 high The container shares the host\'s processes (pid_mode="host")',
      '6 critical The container gets the container runtime socket /var/run/docker.sock: root on the host',
      '8 high The container shares the host\'s network (network_mode="host")',
      '8 high The container is given the NET_ADMIN capability',
      '9 critical The container gets the container runtime socket /run/containerd/containerd.sock: root on the host',
      '9 critical The container gets the container runtime socket /var/run/docker.sock: root on the host',
      '12 critical The container runs privileged: full access to the host',
    ]);
  });

  it('leaves confined containers and other run() calls alone', () => {
    const code = [
      'import docker, subprocess',
      'client = docker.from_env()',
      'client.containers.run("acme/a:1", privileged=False, network_mode="bridge", volumes={"/data": {"bind": "/data", "mode": "ro"}})',
      'subprocess.run(["ls"], privileged=True)',
      'make_pool().containers.run("x", privileged=True)',
    ].join('\n');
    expect(found(code)).toEqual([]);
  });
});
