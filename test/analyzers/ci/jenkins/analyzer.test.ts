import { describe, expect, it } from 'vitest';
import { jenkinsAnalyzer } from '../../../../src/analyzers/ci/jenkins/index.js';
import { isJenkinsfile, readJenkinsfile } from '../../../../src/analyzers/ci/jenkins/jenkinsfile.js';
import type { ImageFacts } from '../../../../src/inventory/containers.js';
import { assessTree } from '../../../helpers/assess-tree.js';
import { analyzeCiText } from '../analyze.js';

const findings = (code: string, file = 'Jenkinsfile') =>
  analyzeCiText(jenkinsAnalyzer, code, file).findings.map((f) => [f.ruleId, f.location.startLine, f.location.startColumn, f.message] as const);

const PIPELINE = [
  'pipeline {', // 1
  "  agent { docker { image 'python:3.7-slim' } }",
  '  parameters {',
  "    string(name: 'MODEL', defaultValue: 'orders')",
  "    choice(name: 'TARGET', choices: ['dev', 'prod'])", // 5
  '  }',
  '  environment {',
  "    WAREHOUSE = credentials('warehouse-login')",
  '  }',
  '  stages {', // 10
  "    stage('build') {",
  '      steps {',
  '        // sh "echo ${params.MODEL}" is a comment',
  '        sh "dbt run --select ${params.MODEL} --target ${params.TARGET}"',
  "        sh 'dbt test --select \"$MODEL\"'", // 15
  '        sh """',
  '          curl -fsSL https://get.example.com/install.sh | bash',
  '          psql -U ${WAREHOUSE_USR} -c "select 1" postgresql://${WAREHOUSE_PSW}@db/analytics',
  '        """',
  "        withCredentials([usernamePassword(credentialsId: 'api', usernameVariable: 'API_USER', passwordVariable: 'API_TOKEN')]) {", // 20
  '          sh(script: "curl -u ${API_USER}:${API_TOKEN} https://api.example.com/export", returnStdout: true)',
  '        }',
  '        sh label: "notify", script: "echo ${API_TOKEN} ${env.BRANCH_NAME}"',
  '        script {',
  "          docker.image('node:16').inside { sh 'npm ci' }", // 25
  '        }',
  '      }',
  '    }',
  '  }',
  '}', // 30
  '',
].join('\n');

describe('Jenkinsfiles', () => {
  it('knows Jenkinsfiles by name', () => {
    expect(['Jenkinsfile', 'ci/Jenkinsfile.release', 'jobs/nightly.jenkinsfile', 'deploy.Jenkinsfile'].map(isJenkinsfile)).toEqual([true, true, true, true]);
    expect(['Jenkinsfile.md', 'jenkins.yml'].map(isJenkinsfile)).toEqual([false, false]);
  });

  it('reads sh steps in every call form, the secrets each binds where, the parameters and the images', () => {
    const pipeline = readJenkinsfile(PIPELINE);
    expect(pipeline.steps.map((s) => s.script.body.trim().split('\n')[0])).toEqual([
      'dbt run --select ${params.MODEL} --target ${params.TARGET}',
      'dbt test --select "$MODEL"',
      'curl -fsSL https://get.example.com/install.sh | bash',
      'curl -u ${API_USER}:${API_TOKEN} https://api.example.com/export',
      'echo ${API_TOKEN} ${env.BRANCH_NAME}',
      'npm ci',
    ]);
    expect(pipeline.secrets.map((s) => s.name)).toEqual(['WAREHOUSE', 'WAREHOUSE_PSW', 'API_TOKEN']);
    expect([...pipeline.parameters]).toEqual([['MODEL', 'string'], ['TARGET', 'choice']]);
    expect(pipeline.images.map((i) => [i.name, i.how])).toEqual([['python:3.7-slim', 'Jenkins agent'], ['node:16', 'Jenkins docker.image']]);
  });

  // Line 23's API_TOKEN is outside the withCredentials block that binds it; WAREHOUSE_USR is a username.
  it('reports interpolated free-text parameters, pushed branch names and secrets where they are bound, and shell rules in scripts', () => {
    expect(findings(PIPELINE)).toEqual([
      ['jenkins.param-injection', 14, 30, expect.stringMatching(/^Groovy pastes build parameter MODEL into the sh script/)],
      ['sh.curl-pipe-shell', 17, 11, expect.stringContaining('bash')],
      ['jenkins.interpolated-secret', 18, 63, expect.stringMatching(/^Groovy writes the secret WAREHOUSE_PSW into the sh script/)],
      ['jenkins.interpolated-secret', 21, 43, expect.stringMatching(/^Groovy writes the secret API_TOKEN/)],
      ['jenkins.param-injection', 23, 56, expect.stringMatching(/^Groovy pastes BRANCH_NAME, which a pushed branch or pull request chooses/)],
    ]);
  });

  it('lists the images agents run for the inventory and the end-of-life check', () => {
    const facts = analyzeCiText(jenkinsAnalyzer, PIPELINE, 'Jenkinsfile').facts['jenkins'] as ImageFacts;
    expect(facts.images.map((i) => [i.name, i.tag, i.line, i.workload])).toEqual([
      ['python', '3.7-slim', 2, 'Jenkins agent'],
      ['node', '16', 25, 'Jenkins docker.image'],
    ]);
  });

  it('reports a value pasted several times into one script once, and takes file and key-file bindings for the paths they are', () => {
    const code = [
      'node {',
      "  withCredentials([file(credentialsId: 'gcp', variable: 'GCP_KEY_PATH'), sshUserPrivateKey(credentialsId: 'git', keyFileVariable: 'KEY', passphraseVariable: 'PHRASE'), string(credentialsId: 't', variable: 'TOKEN')]) {",
      '    sh "cp ${GCP_KEY_PATH} /tmp/key.json && ssh -i $KEY host && echo $PHRASE && curl -H \\"Authorization: $TOKEN\\" https://a/ && curl -H \\"X: $TOKEN\\" https://b/"',
      '    sh "aws s3 cp s3://${params.BUCKET}/a s3://${params.BUCKET}/b"',
      '  }',
      '}',
      '',
    ].join('\n');
    expect(findings(code).map(([rule, line, , message]) => [rule, line, message.split(' into ')[0]])).toEqual([
      ['jenkins.interpolated-secret', 3, 'Groovy writes the secret PHRASE'],
      ['jenkins.interpolated-secret', 3, 'Groovy writes the secret TOKEN'],
      ['jenkins.param-injection', 4, 'Groovy pastes build parameter BUCKET'],
    ]);
  });

  it('reads the docker run options of docker agents and docker.image().inside() for host access', () => {
    const code = [
      'pipeline {',
      '  agent {',
      '    docker {',
      "      args '--privileged -v $HOME/.m2:/root/.m2'",
      "      image 'maven:3.9-eclipse-temurin-21'",
      '    }',
      '  }',
      '  stages { stage(\'x\') { steps { script {',
      "    docker.image('docker:27-cli').inside('-v /var/run/docker.sock:/var/run/docker.sock --network host') { sh 'docker build .' }",
      "    docker.image('python:3.12-slim').inside('-v $WORKSPACE:/w') { sh 'pytest' }",
      '  } } } }',
      '}',
      '',
    ].join('\n');
    expect(findings(code)).toEqual([
      ['jenkins.agent-host-access', 4, 13, 'Jenkins step container maven:3.9-eclipse-temurin-21 is privileged (--privileged): root on the host'],
      ['jenkins.agent-host-access', 9, 43, 'Jenkins step container docker:27-cli mounts the container runtime socket /var/run/docker.sock: root on the host'],
      ['jenkins.agent-host-access', 9, 88, "Jenkins step container docker:27-cli shares the host's network namespace (--network host)"],
    ]);
  });

  it('judges agent images by their end of life in an assessment', async () => {
    const result = await assessTree({ 'Jenkinsfile': PIPELINE });
    const eol = result.findings.filter((f) => f.ruleId === 'docker.eol-base-image').map((f) => [f.location.file, f.location.startLine]);
    expect(eol).toEqual([['Jenkinsfile', 2], ['Jenkinsfile', 25]]);
  });

  it('reads unclosed strings and stray braces without throwing, and finds nothing in them', () => {
    for (const broken of ['pipeline { stages { sh "echo ${params.X', '}}} sh ( ) withCredentials([ { sh "${A}" }']) {
      const result = analyzeCiText(jenkinsAnalyzer, broken, 'Jenkinsfile');
      expect(result.errors).toEqual([]);
      expect(result.findings).toEqual([]);
    }
    // Found by the property test: a withCredentials block without an argument list.
    const bare = analyzeCiText(jenkinsAnalyzer, 'withCredentials{ sh "curl -k ${A}" }', 'Jenkinsfile');
    expect(bare.errors).toEqual([]);
    expect(bare.findings.map((f) => f.ruleId)).toEqual(['sh.tls-verify-disabled']);
  });
});
