import { downloadedScriptRuns } from '../../shell/downloaded-script.js';
import { calleeName } from '../call-site.js';
import { laterCallFileRuns } from '../downloaded-files.js';
import type { PythonRule } from '../python-rule.js';
import { bashTaskCheck, reportScripts, writtenShellScripts, type WrittenShellScript } from '../shell-scripts.js';

export const curlPipeShell: PythonRule = {
  id: 'py.supply-chain.curl-pipe-shell',
  title: 'Shell command runs a downloaded script without verification (curl | sh)',
  category: 'sast',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-494'],
  what:
    'Finds written-out shell commands that pipe curl or wget output into a shell or interpreter, run it through ' +
    '`sh -c "$(curl …)"`, or download a file and run it with no digest or signature check in between ' +
    '(`curl -o get-pip.py … && python3 get-pip.py`): os.system/os.popen, subprocess with shell=True or an argv starting `bash -c` or ssh, ' +
    'Airflow BashOperator/SSHOperator commands, KubernetesPodOperator and DockerOperator shell scripts, and `@task.bash` ' +
    'return values. A file one call downloads (a curl or wget command, `urllib.request.urlretrieve`, `wget.download`) and ' +
    'a later call of the module runs, with no hashlib digest or `sha256sum -c` between, is reported at the run.',
  why:
    'Whatever the server returns when the job runs is executed on the worker, with the pipeline’s connections, ' +
    'credentials and data: a compromised download host, DNS entry or CDN gets code execution in every scheduled run, ' +
    'and nothing in the repository changes to show it.',
  remediation:
    'Install the tool in the worker or container image, or download it to a file, check its SHA-256 against a pinned ' +
    'value (`sha256sum -c`) and only then run it.',
  bad: [
    {
      file: 'dags/bootstrap.py',
      code:
        'from airflow import DAG\n' +
        'from airflow.operators.bash import BashOperator\n\n' +
        'with DAG("bootstrap", schedule="@daily") as dag:\n' +
        '    BashOperator(task_id="install", bash_command="curl -fsSL https://get.example.com/agent.sh | sudo bash")\n',
    },
    {
      file: 'jobs/setup_worker.py',
      code: 'import subprocess\n\nsubprocess.run(["bash", "-c", "wget -qO- https://example.com/setup.py | python3 -"], check=True)\n',
    },
    { file: 'jobs/tools.py', code: 'import os\n\nos.system(\'sh -c "$(curl -fsSL https://example.com/install.sh)"\')\n' },
    { file: 'jobs/pip.py', code: 'import os\n\nos.system("curl -fsSLO https://bootstrap.pypa.io/get-pip.py && python3 get-pip.py")\n' },
  ],
  good: [
    {
      file: 'dags/bootstrap.py',
      code:
        'from airflow import DAG\n' +
        'from airflow.operators.bash import BashOperator\n\n' +
        'with DAG("bootstrap", schedule="@daily") as dag:\n' +
        '    BashOperator(\n' +
        '        task_id="install",\n' +
        '        bash_command="curl -fsSLo /tmp/agent.sh https://get.example.com/agent.sh"\n' +
        '        " && echo \'9b2c…  /tmp/agent.sh\' | sha256sum -c - && bash /tmp/agent.sh",\n' +
        '    )\n',
    },
    { file: 'jobs/fetch.py', code: 'import subprocess\n\nsubprocess.run("curl -fsSL https://example.com/data.csv | gzip > data.csv.gz", shell=True, check=True)\n' },
  ],
  references: ['https://cwe.mitre.org/data/definitions/494.html', 'https://airflow.apache.org/docs/apache-airflow/stable/howto/operator/bash.html'],
  onCall(call, ctx) {
    reportScripts(ctx, writtenShellScripts(call, ctx), firstDownloadRun);
    for (const run of laterCallFileRuns(call, ctx)) ctx.report(run.node, { message: `${calleeName(call)}: ${run.message}` });
  },
  onNode: bashTaskCheck(firstDownloadRun),
};

/** One finding per script, however many downloads it runs. */
function firstDownloadRun(script: WrittenShellScript) {
  return downloadedScriptRuns(script.text, script.commands).slice(0, 1);
}
