import { describe, expect, it } from 'vitest';
import { scan } from '../scan.js';

const ID = 'py.airflow.privileged-container';
const found = (code: string) => scan(code, ID).map((f) => `${f.location.startLine} ${f.severity} ${f.message}`);

describe(ID, () => {
  it('reports each setting of a Docker task that hands it the host, with its own severity', () => {
    const code = [
      'from airflow.providers.docker.operators.docker import DockerOperator as Docker',
      'from docker.types import Mount',
      'HOST = "host"',
      'Docker(task_id="t", image="acme/t:1", privileged=True, network_mode=HOST,',
      '    cap_add=["cap_sys_admin", "CHOWN"],',
      '    mounts=[Mount("/sock", "/run/docker.sock"), Mount(target="/in", source="/data/in")],',
      '    volumes=["/var/run/docker.sock:/var/run/docker.sock:ro"])',
    ].join('\n');
    expect(found(code)).toEqual([
      '4 critical The task container runs privileged: full access to the worker host',
      '4 high The task container shares the worker host\'s network (network_mode="host")',
      '5 high The task container is given the SYS_ADMIN capability',
      '6 critical The task container gets the container runtime socket /run/docker.sock: root on the worker host',
      '7 critical The task container gets the container runtime socket /var/run/docker.sock: root on the worker host',
    ]);
  });

  it('reports a pod task on the node network or privileged, as a dict or a V1SecurityContext', () => {
    const code = [
      'from airflow.providers.cncf.kubernetes.operators.pod import KubernetesPodOperator',
      'from kubernetes.client import models as k8s',
      'KubernetesPodOperator(task_id="a", name="a", image="a:1", hostnetwork=True, container_security_context={"privileged": True})',
      'KubernetesPodOperator(task_id="b", name="b", image="b:1", security_context=k8s.V1SecurityContext(privileged=True))',
    ].join('\n');
    expect(found(code).map((f) => f.split(' ').slice(0, 2).join(' '))).toEqual(['3 high', '3 critical', '4 critical']);
  });

  it('leaves other operators, settings from elsewhere and safe values alone', () => {
    const code = [
      'from airflow.providers.docker.operators.docker import DockerOperator',
      'from airflow.operators.bash import BashOperator',
      'DockerOperator(task_id="t", image="acme/t:1", privileged=flag, network_mode="bridge", cap_add=["NET_BIND_SERVICE"])',
      'BashOperator(task_id="b", bash_command="echo", privileged=True)',
    ].join('\n');
    expect(found(code)).toEqual([]);
  });
});
