import { describe, expect, it } from 'vitest';
import { py, scan } from '../scan.js';

const ID = 'py.docker-run.host-access';

describe(ID, () => {
  it('reads docker run in argv lists, shell strings, bash -c, Airflow commands and @task.bash, each setting at its severity', () => {
    const findings = scan(py`
      import os, subprocess
      from airflow.decorators import task
      from airflow.operators.bash import BashOperator
      image = os.environ["IMAGE"]
      subprocess.run(["sudo", "docker", "run", "--rm", "--privileged", "-v", "/data:/data", image])
      subprocess.check_call(["podman", "run", "--pid=host", "--security-opt", "seccomp=unconfined", image])
      os.system("docker run --rm -v /var/run/docker.sock:/var/run/docker.sock acme/cleanup:1.0")
      subprocess.run("nvidia-docker run --ipc host acme/train:2.0", shell=True)
      subprocess.run(["bash", "-c", "docker run --uts=host acme/probe:1"])
      BashOperator(task_id="load", bash_command="docker run --net=host --cap-add ALL acme/etl:2.3 load {{ ds }}")
      @task.bash
      def scan_files():
          return "docker run --rm -v /:/host:ro acme/av:5 /host"
    `, ID);
    expect(findings.map((f) => [f.location.startLine, f.severity, f.message])).toEqual([
      [5, 'critical', 'subprocess.run: docker run of a container is privileged (--privileged): root on the host'],
      [6, 'high', "subprocess.check_call: docker run of a container shares the host's process namespace (--pid host)"],
      [6, 'medium', 'subprocess.check_call: docker run of a container runs without a seccomp profile (--security-opt seccomp=unconfined)'],
      [7, 'critical', 'os.system: docker run of acme/cleanup:1.0 mounts the container runtime socket /var/run/docker.sock: root on the host'],
      [8, 'medium', "subprocess.run: docker run of acme/train:2.0 shares the host's IPC namespace (--ipc host)"],
      [9, 'low', "subprocess.run: docker run of acme/probe:1 shares the host's UTS namespace (--uts host)"],
      [10, 'high', "BashOperator bash_command: docker run of acme/etl:2.3 shares the host's network namespace (--network host)"],
      [10, 'high', 'BashOperator bash_command: docker run of acme/etl:2.3 adds the ALL capability'],
      [13, 'critical', '@task.bash scan_files() command: docker run of acme/av:5 mounts /, which holds the container runtime socket: root on the host'],
    ]);
  });

  it('reads command lines built from fixed text and run-time values, and argv lists held in a name', () => {
    const findings = scan(py`
      import os, subprocess
      ip = os.environ["HOST_IP"]
      os.system("docker run --privileged -i -t --rm " "-e HOST=" + ip + " ikev2 start")
      GPU = "docker run --user root --privileged --gpus all fuzz:1 {target}"
      os.system("{cmd} && echo done".format(cmd=GPU))
      cmd = ["docker", "run", "--rm", "-v", "/var/run/docker.sock:/var/run/docker.sock", "aquasec/trivy:0.50.0", "image", ip]
      subprocess.run(cmd, check=True)
      k6 = f"docker run {ip} --rm --network host grafana/k6:0.50.0 run script.js"
      subprocess.Popen(k6, shell=True)
    `, ID);
    expect(findings.map((f) => [f.location.startLine, f.confidence, f.message])).toEqual([
      [3, 'high', 'os.system: docker run of ikev2 is privileged (--privileged): root on the host'],
      [5, 'high', 'os.system: docker run of fuzz:1 is privileged (--privileged): root on the host'],
      [6, 'high', 'subprocess.run: docker run of aquasec/trivy:0.50.0 mounts the container runtime socket /var/run/docker.sock: root on the host'],
      [9, 'medium', "subprocess.Popen: docker run of a container shares the host's network namespace (--network host)"],
    ]);
  });

  it('places an argv finding on the item that sets it, and leaves confined runs, other subcommands and run-time options alone', () => {
    const code = py`
      import os, subprocess
      flags = os.environ["DOCKER_FLAGS"]
      subprocess.run(["docker", "run",
                      "--network=host",
                      "acme/etl:2.3"])
      subprocess.run(["docker", "run", "--rm", "--cap-drop", "ALL", "--network", "none", "-v", "/data/in:/in:ro", "acme/etl:2.3"])
      subprocess.run(["docker", "run", flags, "acme/etl:2.3"])
      subprocess.run(["docker", "exec", "--privileged", "etl", "ls"])
      os.system("echo docker run --privileged x")
    `;
    const findings = scan(code, ID);
    expect(findings.map((f) => [f.location.startLine, f.location.startColumn, f.message])).toEqual([
      [4, 17, "subprocess.run: docker run of acme/etl:2.3 shares the host's network namespace (--network host)"],
    ]);
  });
});
