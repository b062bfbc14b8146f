import type { ReportOptions } from '../../../../core/analyzer.js';
import type { RuleMeta } from '../../../../core/rule.js';
import { commandsOf } from '../../../container/dockerfile/shell.js';
import { dockerRunHostAccess } from '../../../shell/docker-host-access.js';
import type { Jenkinsfile } from '../jenkinsfile.js';

export const jenkinsAgentHostAccess: RuleMeta = {
  id: 'jenkins.agent-host-access',
  title: 'Jenkins runs a step container with access to the agent host',
  category: 'iac',
  severity: 'critical',
  confidence: 'high',
  cwe: ['CWE-250'],
  what:
    'Finds `docker run` options that hand a step container the host, given to a docker agent (`agent { docker { args … } }`) ' +
    'or to `docker.image(…).inside(…)`, `.withRun(…)` or `.run(…)`: `--privileged` or the runtime socket mounted (critical), ' +
    'the host network or process namespace and dangerous capabilities (high), unconfining security options (medium).',
  why:
    'The steps run what the repository and its dependencies say. With the Docker socket or privilege the container is ' +
    'root on the agent: it reads the workspaces and credentials of every other job the agent runs, and starts what it likes there.',
  remediation: 'Drop the option; build images with a rootless builder (BuildKit rootless, kaniko) or on a dedicated, disposable agent.',
  bad: [
    {
      file: 'Jenkinsfile',
      code: "pipeline {\n  agent {\n    docker {\n      image 'python:3.12-slim'\n      args '-v /var/run/docker.sock:/var/run/docker.sock'\n    }\n  }\n  stages {\n    stage('test') { steps { sh 'pytest' } }\n  }\n}\n",
    },
  ],
  good: [
    {
      file: 'Jenkinsfile',
      code: "pipeline {\n  agent {\n    docker {\n      image 'python:3.12-slim'\n      args '-v $HOME/.cache/pip:/root/.cache/pip'\n    }\n  }\n  stages {\n    stage('test') { steps { sh 'pytest' } }\n  }\n}\n",
    },
  ],
  references: ['https://www.jenkins.io/doc/book/pipeline/docker/', 'https://cwe.mitre.org/data/definitions/250.html'],
};

const PREFIX = 'docker run ';

/** Each option a Jenkinsfile's docker agents give that hands over the host: its offsets in the file, and what it gives. */
export function agentHostAccess(pipeline: Jenkinsfile): Array<{ start: number; end: number; message: string; options: ReportOptions }> {
  return pipeline.agentArgs.flatMap(({ args, image }) => {
    // Read as the docker run Jenkins builds from them: the options, then the image.
    const command = `${PREFIX}${args.body} ${image ?? 'image'}`;
    return dockerRunHostAccess(commandsOf(command))
      .filter(({ word }) => word.start >= PREFIX.length && word.end <= PREFIX.length + args.body.length)
      .map(({ word, message, options }) => ({
        start: args.bodyStart + word.start - PREFIX.length,
        end: args.bodyStart + word.end - PREFIX.length,
        message: message.replace(/^docker run of (?:a container|\S+) /, `Jenkins step container ${image ?? ''} `.replace('  ', ' ')),
        options,
      }));
  });
}
