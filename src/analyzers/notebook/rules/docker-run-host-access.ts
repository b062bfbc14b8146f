import { dockerRunHostAccess } from '../../shell/docker-host-access.js';
import { exampleNotebook } from '../example-notebook.js';
import type { NotebookRule } from '../notebook-rule.js';

export const notebookDockerRunHostAccess: NotebookRule = {
  id: 'nb.docker-run-host-access',
  title: 'Notebook starts a container with access to the host',
  category: 'sast',
  severity: 'critical',
  confidence: 'high',
  cwe: ['CWE-250'],
  what:
    'Reads the `docker run` (podman, nerdctl, nvidia-docker) command lines of shell escapes (`!docker run …`), `%sx` and ' +
    '`%%bash`/`%%sh`/`%sh` cells and reports what `sh.docker-run-host-access` reports in scripts: `--privileged` and the ' +
    'runtime socket mounted (critical), the host network or process namespace and dangerous `--cap-add` (high), ' +
    'unconfining `--security-opt` and the IPC or user namespace (medium), the UTS namespace (low).',
  why:
    'Notebooks on a shared data science server or a GPU box start tool and model containers straight from a cell. A ' +
    'privileged container or one holding the Docker socket is root on that machine: whatever the container parses or ' +
    'downloads can take over the host, the other users’ kernels and the credentials mounted there.',
  remediation:
    'Drop `--privileged` and the socket mount; for GPUs use `--gpus` rather than privilege, add only the narrow capability ' +
    'a tool needs, keep the default seccomp and AppArmor profiles and publish ports instead of sharing the host network.',
  bad: [
    { file: 'train.ipynb', code: exampleNotebook(['!docker run --rm --privileged -v $PWD/data:/data acme/featurize:1.2 /data\n']) },
    { file: 'tools.ipynb', code: exampleNotebook(['%%bash\ndocker run -d --net=host \\\n  -v /var/run/docker.sock:/var/run/docker.sock acme/agent:3.0\n']) },
  ],
  good: [{ file: 'train.ipynb', code: exampleNotebook(['!docker run --rm --gpus all --cap-drop ALL -v $PWD/data:/data:ro acme/featurize:1.2 /data\n']) }],
  references: ['https://docs.docker.com/reference/cli/docker/container/run/', 'https://cwe.mitre.org/data/definitions/250.html'],
  check(ctx) {
    for (const { word, message, options } of dockerRunHostAccess(ctx.script.commands)) ctx.reportInScript(word.start, { ...options, message });
  },
};
