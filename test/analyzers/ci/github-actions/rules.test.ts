import { describe, expect, it } from 'vitest';
import { analyzeWorkflowText } from './scan.js';
import { fromLines as yaml, ruleFindings } from '../../../helpers/rule-findings.js';

const { found, lines } = ruleFindings((code) => analyzeWorkflowText(code));

describe('gha.script-injection', () => {
  it('points at the line of a multi-line script that holds the expression, and names it', () => {
    const code = yaml(
      'on: [issues, pull_request]',
      'jobs:',
      '  triage:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - name: Greet',
      '        run: |',
      '          echo "start"',
      '          echo "${{ github.event.issue.title }}" > title.txt',
      '          git checkout "${{github.head_ref}}"',
    );
    expect(found(code, 'gha.script-injection')).toEqual([
      '9:17 high Step "Greet" of job "triage" interpolates ${{ github.event.issue.title }} into its run script: text anyone who opens an issue or pull request can write, pasted into the script before it runs',
      '10:25 high Step "Greet" of job "triage" interpolates ${{github.head_ref}} into its run script: text anyone who opens an issue or pull request can write, pasted into the script before it runs',
    ]);
  });

  it('sees through whitespace, functions, bracket indexes and letter case', () => {
    const code = yaml(
      'on: push',
      'jobs:',
      '  j:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: echo ${{ toJSON( github.event.commits[0].message ) }}',
      "      - run: echo ${{ format('{0}-x', github.event.pull_request.head.repo.default_branch) }}",
      "      - run: echo ${{ github['event']['review_comment']['body'] }}",
      '      - run: echo ${{ GitHub.Event.Pages.*.Page_Name }}',
      '      - run: echo ${{ toJSON(github.event.pull_request) }}',
      '      - run: echo ${{ github.event.workflow_run.head_commit.author.email }}',
      '      - run: echo ${{ github.event.discussion.body || github.event.comment.body }}',
    );
    expect(lines(code, 'gha.script-injection')).toEqual([6, 7, 8, 9, 10, 11, 12]);
  });

  it('leaves numbers, SHAs, string literals, a value passed as a shell variable and other steps’ inputs alone', () => {
    const code = yaml(
      'on: pull_request_target',
      'jobs:',
      '  j:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - env:',
      '          BODY: ${{ github.event.pull_request.body }}',
      '        with:',
      '          title: ${{ github.event.pull_request.title }}',
      '        run: |',
      '          echo "$BODY" ${{ github.event.pull_request.number }} ${{ github.event.pull_request.head.sha }}',
      "          echo ${{ contains('github.event.issue.title', 'x') }} ${{ github.sha }} ${{ github.ref_name }}",
      '      - uses: some/action@0123456789012345678901234567890123456789',
      '        with:',
      '          script: echo ${{ github.event.issue.title }}',
    );
    expect(found(code, 'gha.script-injection')).toEqual([]);
  });

  it('follows ${{ env.NAME }} back to an outsider value the workflow, job or step set NAME from, and names who writes it', () => {
    const code = yaml(
      'on: [pull_request_target, push]',
      'env:',
      '  PR_TITLE: ${{ github.event.pull_request.title }}',
      'jobs:',
      '  j:',
      '    runs-on: ubuntu-latest',
      '    env:',
      '      MESSAGE: ${{ github.event.head_commit.message }}',
      '    steps:',
      '      - env:',
      '          PR_TITLE: fixed text',
      '        run: echo "${{ env.PR_TITLE }}"',
      '      - run: |',
      '          echo "${{ env.pr_title }}"',
      '          echo "${{ env.MESSAGE }}"',
    );
    expect(found(code, 'gha.script-injection')).toEqual([
      '14:17 high Step #2 of job "j" interpolates ${{ env.pr_title }} (set from github.event.pull_request.title) into its run script: text anyone who opens an issue or pull request can write, pasted into the script before it runs',
      '15:17 high Step #2 of job "j" interpolates ${{ env.MESSAGE }} (set from github.event.head_commit.message) into its run script: text whoever pushes the commit or names the branch writes, pasted into the script before it runs',
    ]);
  });

  it('reports the script of actions/github-script, and each distinct expression once', () => {
    const code = yaml(
      'on: issue_comment',
      'jobs:',
      '  j:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/github-script@v7',
      '        with:',
      '          script: |',
      '            const a = `${{ github.event.comment.body }}`;',
      '            const b = `${{ github.event.comment.body }}`;',
    );
    expect(found(code, 'gha.script-injection')).toEqual([
      '9:24 high Step #1 of job "j" interpolates ${{ github.event.comment.body }} into its github-script script: text anyone who opens an issue or pull request can write, pasted into the script before it runs',
    ]);
  });

  it('rates workflow inputs medium, and skips inputs whose type GitHub validates', () => {
    const code = yaml(
      'on:',
      '  workflow_dispatch:',
      '    inputs:',
      '      target: {type: string}',
      '      dry_run: {type: boolean}',
      '      env: {type: choice, options: [dev, prod]}',
      '      note: {}',
      'jobs:',
      '  j:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: ./deploy.sh ${{ inputs.target }} ${{ inputs.dry_run }} ${{ inputs.env }}',
      '      - run: echo ${{ github.event.inputs.note }}',
    );
    expect(found(code, 'gha.script-injection').map((f) => f.split(' ').slice(0, 2).join(' '))).toEqual(['12:26 medium', '13:19 medium']);
    expect(found(code, 'gha.script-injection')[0]).toContain('a workflow input, set by whoever dispatches or calls the workflow');
  });

  it('finds a script shared through an alias where the anchor writes it', () => {
    const code = yaml(
      'on: pull_request',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: &greet echo "${{ github.event.pull_request.title }}"',
      '  b:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: *greet',
    );
    expect(found(code, 'gha.script-injection').map((f) => f.split(' ').slice(0, 2).join(' '))).toEqual(['6:27 high', '6:27 high']);
  });
});

describe('gha.pull-request-target-checkout', () => {
  const workflow = (on: string[], withLines: string[]) =>
    yaml(...on, 'jobs:', '  build:', '    runs-on: ubuntu-latest', '    steps:', '      - uses: actions/checkout@v4', '        with:', ...withLines, '      - run: npm ci && npm test');

  it('reports the ref or repository input that names the pull request head, however the triggers are written', () => {
    const ref = ['          ref: ${{ github.event.pull_request.head.sha }}'];
    for (const on of [['on: pull_request_target'], ['on: [push, pull_request_target]'], ['on:', '  pull_request_target:', '    types: [opened]']]) {
      const code = workflow(on, ref);
      expect(found(code, 'gha.pull-request-target-checkout'), on.join(' ')).toEqual([
        `${on.length + 7}:16 critical Job "build" of a pull_request_target workflow checks out the pull request's code (ref: \${{ github.event.pull_request.head.sha }}) with the base repository's secrets and write token`,
      ]);
    }
    expect(lines(workflow(['on: pull_request_target'], ['          repository: ${{ github.event.pull_request.head.repo.full_name }}', '          ref: ${{ github.head_ref }}']), 'gha.pull-request-target-checkout')).toEqual([9]);
    expect(lines(workflow(['on: pull_request_target'], ['          ref: refs/pull/${{ github.event.number }}/merge']), 'gha.pull-request-target-checkout')).toEqual([8]);
    expect(found(workflow(['on: {workflow_run: {workflows: [ci]}}'], ['          ref: ${{ github.event.workflow_run.head_branch }}']), 'gha.pull-request-target-checkout')[0]).toContain('of a workflow_run workflow');
  });

  it('leaves the base branch, unprivileged triggers and other actions alone', () => {
    expect(found(workflow(['on: pull_request_target'], ['          ref: ${{ github.event.pull_request.base.sha }}']), 'gha.pull-request-target-checkout')).toEqual([]);
    expect(found(workflow(['on: pull_request_target'], ['          fetch-depth: 0']), 'gha.pull-request-target-checkout')).toEqual([]);
    expect(found(workflow(['on: [pull_request, push]'], ['          ref: ${{ github.head_ref }}']), 'gha.pull-request-target-checkout')).toEqual([]);
    expect(found(workflow(['on: pull_request_target'], ['          ref: main']).replace('actions/checkout@v4', 'actions/cache@v4'), 'gha.pull-request-target-checkout')).toEqual([]);
  });
});

describe('gha.unpinned-action', () => {
  it('reports tags, branches, missing refs and undigested images, first-party actions low', () => {
    const code = yaml(
      'on: push',
      'jobs:',
      '  call:',
      '    uses: acme/shared/.github/workflows/deploy.yml@v2',
      '  build:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - uses: github/codeql-action/init@main',
      '      - uses: dbt-labs/dbt-action@1.2.3',
      '      - uses: astronomer/deploy-action',
      '      - uses: docker://alpine:3.20',
      '      - uses: docker://alpine@sha256:beefdead',
      '      - uses: actions/setup-python@0b93645e9fea7318ecaed2b359559ac225c90a2b',
      '      - uses: ./.github/actions/local',
      '      - uses: docker://alpine@sha256:0f2d3e5ad53fd8cfc4e36a1b0c2a8db9f8ed2b8b2d9a8f8c6f7b4c5d6e7f8a9b',
    );
    expect(found(code, 'gha.unpinned-action')).toEqual([
      '4:11 medium Job "call" uses acme/shared/.github/workflows/deploy.yml@v2, pinned to the movable ref "v2" instead of a commit SHA: whoever can move it changes the code this workflow runs',
      '8:15 low Step #1 of job "build" uses actions/checkout@v4, pinned to the movable ref "v4" instead of a commit SHA: whoever can move it changes the code this workflow runs',
      '9:15 low Step #2 of job "build" uses github/codeql-action/init@main, pinned to the movable ref "main" instead of a commit SHA: whoever can move it changes the code this workflow runs',
      '10:15 medium Step #3 of job "build" uses dbt-labs/dbt-action@1.2.3, pinned to the movable ref "1.2.3" instead of a commit SHA: whoever can move it changes the code this workflow runs',
      '11:15 medium Step #4 of job "build" uses astronomer/deploy-action, with no ref at all: whoever can move it changes the code this workflow runs',
      '12:15 medium Step #5 of job "build" uses docker://alpine:3.20, an image without a digest: whoever can move it changes the code this workflow runs',
      '13:15 medium Step #6 of job "build" uses docker://alpine@sha256:beefdead, an image without a digest: whoever can move it changes the code this workflow runs',
    ]);
  });
});

describe('gha.write-all-permissions', () => {
  it('reports write-all at workflow and job level, not read-all or scoped writes', () => {
    const code = yaml(
      'on: push',
      'permissions: write-all',
      'jobs:',
      '  a:',
      '    permissions: write-all',
      '    runs-on: ubuntu-latest',
      '    steps: [{run: make}]',
      '  b:',
      '    permissions: read-all',
      '    runs-on: ubuntu-latest',
      '    steps: [{run: make}]',
      '  c:',
      '    permissions: {contents: write}',
      '    runs-on: ubuntu-latest',
      '    steps: [{run: make}]',
    );
    expect(found(code, 'gha.write-all-permissions')).toEqual([
      '2:14 medium The workflow gives every job a GITHUB_TOKEN with write-all permissions',
      '5:18 medium Job "a" gets a GITHUB_TOKEN with write-all permissions',
    ]);
  });
});

describe('gha.untrusted-artifact', () => {
  const header = ['on:', '  workflow_run:', '    workflows: [ci]', '    types: [completed]', 'jobs:', '  report:', '    runs-on: ubuntu-latest', '    steps:'];

  it('reports each way of fetching the triggering run’s artifacts into the workspace, at the value that names the run', () => {
    const code = yaml(
      ...header,
      '      - uses: actions/download-artifact@v4',
      '        with:',
      '          run-id: ${{ github.event.workflow_run.id }}',
      '          path: ./reports',
      '      - name: Fetch',
      '        uses: dawidd6/action-download-artifact@v6',
      '        with:',
      '          workflow: ${{ github.event.workflow_run.workflow_id }}',
      '      - name: Docs',
      '        env:',
      '          RUN: ${{ github.event.workflow_run.id }}',
      '        run: |',
      '          echo start',
      '          gh run download "$RUN" --name docs --dir "${{ github.workspace }}/site"',
      '      - uses: actions/github-script@v7',
      '        with:',
      '          script: |',
      '            const all = await github.rest.actions.listWorkflowRunArtifacts({ ...context.repo, run_id: context.payload.workflow_run.id });',
      '            const zip = await github.rest.actions.downloadArtifact({ ...context.repo, artifact_id: all.data.artifacts[0].id, archive_format: "zip" });',
      '            require("fs").writeFileSync(`${process.env.GITHUB_WORKSPACE}/pr.zip`, Buffer.from(zip.data));',
    );
    expect(found(code, 'gha.untrusted-artifact')).toEqual([
      '11:19 high Step #1 of job "report" downloads the triggering run’s artifacts into the workspace (./reports): files the triggering run — possibly a fork\'s pull request — wrote land beside the code later steps run with the base repository\'s secrets',
      '16:21 high Step "Fetch" of job "report" downloads the triggering run’s artifacts into the workspace: files the triggering run — possibly a fork\'s pull request — wrote land beside the code later steps run with the base repository\'s secrets',
      '22:11 high Step "Docs" of job "report" downloads the triggering run’s artifacts with gh run download into the workspace (${{ github.workspace }}/site): files the triggering run — possibly a fork\'s pull request — wrote land beside the code later steps run with the base repository\'s secrets',
      '27:51 high Step #4 of job "report" downloads the triggering run’s artifacts into the workspace: files the triggering run — possibly a fork\'s pull request — wrote land beside the code later steps run with the base repository\'s secrets',
    ]);
  });

  it('follows the run through env, other downloader actions, a local download module, and a reusable workflow a workflow_run calls', () => {
    const code = yaml(
      'on:',
      '  workflow_call:',
      'jobs:',
      '  report:',
      '    if: github.event.workflow_run.conclusion == \'success\'',
      '    runs-on: ubuntu-latest',
      '    env:',
      '      RUN_ID: ${{ github.event.workflow_run.id }}',
      '    steps:',
      '      - uses: carpentries/actions/download-workflow-artifact@main',
      '        with:',
      '          workflow: ${{ github.event.workflow_run.workflow_id }}',
      '          run: ${{ env.RUN_ID }}',
      '      - uses: actions/download-artifact@v4',
      '        with:',
      '          run-id: ${{ env.RUN_ID }}',
      '      - uses: actions/github-script@v7',
      '        with:',
      '          script: |',
      "            const download = require('./.github/utils/download_artifact.js');",
      '            await download({ github, context, runId: process.env.RUN_ID, name: "pr" });',
    );
    expect(lines(code, 'gha.untrusted-artifact')).toEqual([12, 16, 20]);
  });

  it('reads a gh run download continued over several lines, and trusts guards that exclude forks', () => {
    const continued = yaml(...header, '      - run: |', '          gh run download "${{ github.event.workflow_run.id }}" \\', '            --name notes \\', '            --dir /tmp/notes');
    expect(found(continued, 'gha.untrusted-artifact')).toEqual([]);
    const guarded = (condition: string): string => yaml(...header.slice(0, 6), `    if: ${condition}`, ...header.slice(6), '      - run: gh run download ${{ github.event.workflow_run.id }}');
    expect(found(guarded('github.event.workflow_run.head_repository.fork == false && github.event.workflow_run.conclusion == \'success\''), 'gha.untrusted-artifact')).toEqual([]);
    expect(found(guarded('${{ !github.event.workflow_run.head_repository.fork }}'), 'gha.untrusted-artifact')).toEqual([]);
    expect(found(guarded('github.event.workflow_run.head_repository.owner.login == github.repository_owner'), 'gha.untrusted-artifact')).toEqual([]);
  });

  it('leaves downloads into the runner’s temporary directory, the same run’s artifacts, and other triggers alone', () => {
    const safe = yaml(
      ...header,
      '      - uses: actions/download-artifact@v4',
      '        with:',
      '          run-id: ${{ github.event.workflow_run.id }}',
      '          path: ${{ runner.temp }}/artifacts',
      '      - uses: actions/download-artifact@v4',
      '        with:',
      '          name: own-build',
      '      - run: gh run download ${{ github.event.workflow_run.id }} -D "$RUNNER_TEMP/docs"',
      '      - run: gh run download 12345 --name docs',
      '      - uses: actions/github-script@v7',
      '        with:',
      '          script: |',
      '            const zip = await github.rest.actions.downloadArtifact({ ...context.repo, artifact_id: context.payload.workflow_run.id });',
      '            require("fs").writeFileSync(`${process.env.RUNNER_TEMP}/pr.zip`, Buffer.from(zip.data));',
    );
    expect(found(safe, 'gha.untrusted-artifact')).toEqual([]);
    const guarded = (condition: string): string =>
      yaml(...header.slice(0, 6), `    if: ${condition}`, ...header.slice(6), '      - run: gh run download ${{ github.event.workflow_run.id }}');
    expect(found(guarded("github.event.workflow_run.head_repository.full_name == github.repository"), 'gha.untrusted-artifact')).toEqual([]);
    expect(found(guarded("${{ github.event.workflow_run.event == 'push' }}"), 'gha.untrusted-artifact')).toEqual([]);
    expect(lines(guarded("github.event.workflow_run.event == 'push' || github.event.workflow_run.event == 'pull_request'"), 'gha.untrusted-artifact')).toEqual([10]);
    expect(lines(guarded("github.event.workflow_run.conclusion == 'success'"), 'gha.untrusted-artifact')).toEqual([10]);
    const push = yaml('on: push', 'jobs:', '  a:', '    runs-on: ubuntu-latest', '    steps:', '      - run: gh run download ${{ github.event.workflow_run.id }}');
    expect(found(push, 'gha.untrusted-artifact')).toEqual([]);
  });
});

describe('gha.insecure-commands', () => {
  it('finds the variable switched on in a workflow, job or step env, or written to GITHUB_ENV, by its exact name only', () => {
    const code = yaml(
      'on: push',
      'env:',
      '  ACTIONS_ALLOW_UNSECURE_COMMANDS: "TRUE"',
      '  actions_allow_unsecure_commands: true',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    env: { ACTIONS_ALLOW_UNSECURE_COMMANDS: false }',
      '    steps:',
      '      - name: Old action',
      '        env:',
      '          ACTIONS_ALLOW_UNSECURE_COMMANDS: true',
      '        run: |',
      '          echo "::set-env name=X::1"',
      '          echo "ACTIONS_ALLOW_UNSECURE_COMMANDS=true" >> "$GITHUB_ENV"',
      '          echo "ACTIONS_ALLOW_UNSECURE_COMMANDS=false" >> "$GITHUB_ENV"',
    );
    expect(found(code, 'gha.insecure-commands')).toEqual([
      '3:36 high The workflow sets ACTIONS_ALLOW_UNSECURE_COMMANDS: any line a step prints can set environment variables and PATH for the steps after it',
      '12:44 high Step "Old action" of job "a" sets ACTIONS_ALLOW_UNSECURE_COMMANDS: any line a step prints can set environment variables and PATH for the steps after it',
      '15:11 high Step "Old action" of job "a" writes ACTIONS_ALLOW_UNSECURE_COMMANDS=true to GITHUB_ENV: any line a step prints can set environment variables and PATH for the steps after it',
    ]);
  });
});

describe('gha.all-secrets-exposed', () => {
  it('finds toJSON(secrets) and computed secret names wherever they are written, and inherit to another repository', () => {
    const code = yaml(
      'on: push',
      'jobs:',
      '  deploy:',
      '    runs-on: ubuntu-latest',
      '    strategy: { matrix: { env: [staging, prod] } }',
      '    steps:',
      '      - run: |',
      '          echo start',
      "          ./deploy.sh '${{ toJson( secrets ) }}'",
      '        env:',
      '          TOKEN: ${{ secrets[format(\'{0}_TOKEN\', matrix.env)] }}',
      '          NAMED: ${{ secrets.WAREHOUSE_PASSWORD }}',
      "          QUOTED: ${{ secrets['WAREHOUSE_PASSWORD'] }}",
      "          ALL: ${{ join(secrets.*, ',') }}",
      '  shared:',
      '    uses: acme/workflows/.github/workflows/release.yml@v2',
      '    secrets: inherit',
      '  local:',
      '    uses: ./.github/workflows/release.yml',
      '    secrets: inherit',
    );
    expect(found(code, 'gha.all-secrets-exposed')).toEqual([
      "9:24 medium ${{ toJson( secrets ) }} hands over every secret of the repository, not only the ones the job needs",
      "11:18 medium ${{ secrets[format('{0}_TOKEN', matrix.env)] }} hands over every secret of the repository, not only the ones the job needs",
      "14:16 medium ${{ join(secrets.*, ',') }} hands over every secret of the repository, not only the ones the job needs",
      '17:14 medium Job "shared" passes every secret of the repository to acme/workflows/.github/workflows/release.yml@v2, a workflow in another repository, rather than the ones it declares',
    ]);
  });
});

describe('gha.github-env-injection', () => {
  it('follows env variables set from outsider text into GITHUB_ENV and GITHUB_PATH, through >> and tee', () => {
    const code = yaml(
      'on: [issues, pull_request]',
      'env:',
      '  BRANCH: ${{ github.head_ref }}',
      'jobs:',
      '  triage:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - name: Export',
      '        env:',
      '          TITLE: ${{ github.event.issue.title }}',
      '          NUMBER: ${{ github.event.issue.number }}',
      '        run: |',
      '          echo "NUMBER=$NUMBER" >> "$GITHUB_ENV"',
      '          echo "TITLE=${TITLE}" >> $GITHUB_ENV',
      '          echo "tools/$BRANCH" | tee -a "${GITHUB_PATH}"',
      '          echo "VERSION=$(cat VERSION)" >> "$GITHUB_ENV"',
    );
    expect(found(code, 'gha.github-env-injection')).toEqual([
      '14:11 high Step "Export" of job "triage" writes $TITLE, set from ${{ github.event.issue.title }} to GITHUB_ENV: a newline in it sets any variable (BASH_ENV, LD_PRELOAD) for the steps after it',
      '15:11 high Step "Export" of job "triage" writes $BRANCH, set from ${{ github.head_ref }} to GITHUB_PATH: puts a directory of its author’s choosing first on PATH for the steps after it',
    ]);
  });

  it('carries the text through script variables and continued lines, and lets a branch name into GITHUB_ENV but not into GITHUB_PATH', () => {
    const code = yaml(
      'on: issue_comment',
      'jobs:',
      '  bench:',
      '    runs-on: ubuntu-latest',
      '    env:',
      '      COMMENT: ${{ github.event.comment.body }}',
      '      BRANCH: ${{ github.event.workflow_run.head_branch }}',
      '    steps:',
      '      - run: |',
      '          REGEX=$(echo "$COMMENT" | sed -n "s/^.*-b\\s*\\(\\S*\\).*$/\\1/p")',
      '          export PATTERN="${REGEX}"',
      '          echo "REGEX=$PATTERN" \\',
      '            >> $GITHUB_ENV',
      '          echo "BRANCH=$BRANCH" >> "$GITHUB_ENV"',
      '          echo "/opt/$BRANCH/bin" >> "$GITHUB_PATH"',
    );
    expect(found(code, 'gha.github-env-injection').map((f) => f.replace(/: (a newline|puts).*/, ''))).toEqual([
      '12:11 high Step #1 of job "bench" writes $PATTERN ← $REGEX ← $COMMENT, set from ${{ github.event.comment.body }} to GITHUB_ENV',
      '15:11 high Step #1 of job "bench" writes $BRANCH, set from ${{ github.event.workflow_run.head_branch }} to GITHUB_PATH',
    ]);
  });

  it('takes a file read into GITHUB_ENV as untrusted only in pull_request_target and workflow_run workflows', () => {
    const steps = ['jobs:', '  a:', '    runs-on: ubuntu-latest', '    steps:', '      - run: |', '          echo "PR=$(<pr/number.txt)" >> "$GITHUB_ENV"', '          echo "SHA=$(jq -r .sha pr/meta.json)" >> "$GITHUB_ENV"', '          cat pr/env.txt >> $GITHUB_ENV'];
    expect(lines(yaml('on: pull_request_target', ...steps), 'gha.github-env-injection')).toEqual([7, 8, 9]);
    expect(found(yaml('on: pull_request_target', ...steps), 'gha.github-env-injection')[0]).toMatch(/writes a file's contents, in a pull_request_target workflow where files may come from a fork to GITHUB_ENV/);
    expect(lines(yaml('on: push', ...steps), 'gha.github-env-injection')).toEqual([]);
  });
});
