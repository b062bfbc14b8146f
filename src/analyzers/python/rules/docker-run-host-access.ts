import { dockerRunHostAccess } from '../../shell/docker-host-access.js';
import type { PythonRule } from '../python-rule.js';
import { bashTaskCheck, reportScripts, startedCommand, writtenShellScripts, type WrittenShellScript } from '../shell-scripts.js';

export const dockerRunHostAccessFromCode: PythonRule = {
  id: 'py.docker-run.host-access',
  title: 'Code runs `docker run` with access to the host',
  category: 'sast',
  severity: 'critical',
  confidence: 'high',
  cwe: ['CWE-250'],
  what:
    'Reads the `docker run` (podman, nerdctl, nvidia-docker) command lines code starts — an argv such as ' +
    '`subprocess.run(["docker", "run", "--privileged", image])`, os.system and shell=True strings, `bash -c` and ssh ' +
    'scripts, Airflow BashOperator/SSHOperator commands and `@task.bash` return values — and reports what ' +
    '`sh.docker-run-host-access` reports in scripts: `--privileged` and the runtime socket mounted (critical), the ' +
    'host network or process namespace and dangerous `--cap-add` (high), unconfining `--security-opt` and the IPC or ' +
    'user namespace (medium), the UTS namespace (low).',
  why:
    'Orchestration code and DAGs start converter and loader containers with the docker CLI, away from the Compose and ' +
    'Kubernetes files a review reads. A privileged container or one holding the Docker socket is root on the worker: a ' +
    'poisoned input that takes the container over owns the machine, its credentials and every other task on it.',
  remediation:
    'Drop `--privileged` and the socket mount, add only the narrow capability the job needs, keep the default seccomp ' +
    'and AppArmor profiles and the bridge network, or run the task with DockerOperator/KubernetesPodOperator settings ' +
    'that the same checks review.',
  bad: [
    {
      file: 'pipeline/convert.py',
      code: 'import subprocess\n\nsubprocess.run(["docker", "run", "--rm", "--privileged", "-v", "/data:/data", "acme/convert:1.4"], check=True)\n',
    },
    {
      file: 'dags/nightly.py',
      code:
        'from airflow import DAG\n' +
        'from airflow.operators.bash import BashOperator\n\n' +
        'with DAG("nightly", schedule="@daily") as dag:\n' +
        '    BashOperator(task_id="load", bash_command="docker run --rm -v /var/run/docker.sock:/var/run/docker.sock acme/etl:2.3 load")\n',
    },
  ],
  good: [
    {
      file: 'pipeline/convert.py',
      code: 'import subprocess\n\nsubprocess.run(["docker", "run", "--rm", "--cap-drop", "ALL", "-v", "/data/landing:/in:ro", "acme/convert:1.4"], check=True)\n',
    },
  ],
  references: ['https://docs.docker.com/reference/cli/docker/container/run/', 'https://cwe.mitre.org/data/definitions/250.html'],
  onCall(call, ctx) {
    reportScripts(ctx, writtenShellScripts(call, ctx), hostAccess);
    const started = startedCommand(call, ctx);
    if (!started) return;
    for (const { word, message, options } of dockerRunHostAccess([started.command])) {
      ctx.report(started.nodes[started.command.words.indexOf(word)]!, { message: `${call.name}: ${message}`, ...options });
    }
  },
  onNode: bashTaskCheck(hostAccess),
};

function hostAccess(script: WrittenShellScript) {
  return dockerRunHostAccess(script.commands);
}
