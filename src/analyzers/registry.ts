import type { FileAnalyzer, ProjectAnalyzer } from '../core/analyzer.js';
import type { RuleMeta } from '../core/rule.js';
import { depsAnalyzer } from './deps/index.js';
import { depsFilesAnalyzer } from './deps/files-analyzer.js';
import { pythonAnalyzer } from './python/index.js';
import { pythonCrossModuleTaint } from './python/taint/project.js';
import { notebookAnalyzer } from './notebook/index.js';
import { sqlAnalyzer } from './sql/index.js';
import { javascriptAnalyzer } from './javascript/index.js';
import { jsInstalledVersions } from './javascript/installed-versions.js';
import { pickleArtifactAnalyzer } from './pickle-artifact/index.js';
import { secretsAnalyzer } from './secrets/index.js';
import { secretsHistoryAnalyzer } from './secrets/git-history.js';
import { pickleArtifactLoaders } from './pickle-artifact/loaders.js';
import { iamAnalyzer } from './iam/index.js';
import { iamLeastPrivilege } from './iam/least-privilege.js';
import { iamCloudPolicies } from './iam/cloud/index.js';
import { attackPaths } from './attack-path/index.js';
import { ingestionGate } from './ingestion-gate/index.js';
import { kubernetesAnalyzer } from './iac/kubernetes/index.js';
import { composeAnalyzer } from './iac/compose/index.js';
import { githubActionsAnalyzer } from './ci/github-actions/index.js';
import { gitlabCiAnalyzer } from './ci/gitlab-ci/index.js';
import { jenkinsAnalyzer } from './ci/jenkins/index.js';
import { circleCiAnalyzer } from './ci/circleci/config.js';
import { bitbucketPipelinesAnalyzer } from './ci/bitbucket/pipelines.js';
import { azurePipelinesAnalyzer } from './ci/azure-pipelines/pipeline.js';
import { helmValuesAnalyzer } from './iac/helm-values/index.js';
import { terraformAnalyzer, terraformFileAnalyzer } from './iac/terraform/index.js';
import { cloudFormationAnalyzer } from './iac/cloudformation/index.js';
import { dockerfileAnalyzer } from './container/index.js';
import { shellScriptAnalyzer } from './shell-script/index.js';
import { appConfigAnalyzer } from './app-config/index.js';
import { containerImageAnalyzer } from './container/image-analyzer.js';
import { dynamicRules } from '../dynamic/rules/index.js';
import { poisonRules } from '../dynamic/rules/poison-rules.js';
import { anomalyRules } from '../data/rules/anomaly-rules.js';
import { signalRules } from '../data/rules/signal-rules.js';

/** Every per-file analyzer; a new one is a folder beside this file and one line here. */
export const fileAnalyzers: FileAnalyzer[] = [pythonAnalyzer, depsFilesAnalyzer, pickleArtifactAnalyzer, sqlAnalyzer, notebookAnalyzer, javascriptAnalyzer, kubernetesAnalyzer, composeAnalyzer, githubActionsAnalyzer, gitlabCiAnalyzer, circleCiAnalyzer, bitbucketPipelinesAnalyzer, azurePipelinesAnalyzer, jenkinsAnalyzer, helmValuesAnalyzer, dockerfileAnalyzer, shellScriptAnalyzer, appConfigAnalyzer, secretsAnalyzer, terraformFileAnalyzer, cloudFormationAnalyzer, iamAnalyzer];

/** Every whole-project analyzer, run after the file analyzers. */
export const projectAnalyzers: ProjectAnalyzer[] = [depsAnalyzer, pythonCrossModuleTaint, pickleArtifactLoaders, ingestionGate, jsInstalledVersions, iamLeastPrivilege, iamCloudPolicies, attackPaths, secretsHistoryAnalyzer, terraformAnalyzer, containerImageAnalyzer];

/** Rules the data commands (drift, profile, logs) report through, rather than an analyzer. */
export const dataRules: RuleMeta[] = [...anomalyRules, ...signalRules];

export function allRules(): RuleMeta[] {
  return [...fileAnalyzers, ...projectAnalyzers].flatMap((a) => a.rules).concat(dynamicRules, poisonRules, dataRules).sort((a, b) => a.id.localeCompare(b.id));
}

export function findRule(id: string): RuleMeta | undefined {
  return allRules().find((r) => r.id === id);
}
