import type { RawFinding } from '../../core/analyzer.js';
import { makeFinding } from '../../core/make-finding.js';
import type { SourceText } from '../../core/source-text.js';
import { commandsOf } from '../container/dockerfile/shell.js';
import { runShellRules } from '../shell-script/index.js';
import { shellTlsVerifyDisabled } from '../shell-script/rules/tls-verify-disabled.js';
import { environmentSwitchOff } from '../shell/tls-check-disabled.js';
import { isRecord } from '../iac/kubernetes/parse.js';
import type { YamlDocument, YamlPath } from '../yaml-document.js';

/**
 * The shell rules' findings in one CI script (a GitHub Actions `run:`, a GitLab `script:` line),
 * placed on the line of the YAML string that holds what they cover.
 */
export function scriptFindings(script: string, path: YamlPath, yaml: YamlDocument, file: string, source: SourceText): RawFinding[] {
  const findings: RawFinding[] = [];
  runShellRules(script, commandsOf(script), (rule, start, end, options) => {
    // The first line of what the rule covers, found again in the YAML source (block scalars lose their indentation).
    const needle = script.slice(start, end).split('\n')[0]!.trim();
    // The same words may come earlier in the script (`--volume "$PWD":/code` before `--volume /var/run/docker.sock:…`).
    const earlier = needle === '' ? 0 : script.slice(0, start).split(needle).length - 1;
    findings.push(makeFinding(rule, file, source, yaml.locateText(path, needle, earlier), options));
  });
  return findings;
}

/**
 * `sh.tls-verify-disabled`'s findings in a CI file's variables (a GitHub Actions `env:`, GitLab
 * `variables:`, as a plain value or `{value: …}`): `GIT_SSL_NO_VERIFY: "true"`,
 * `NODE_TLS_REJECT_UNAUTHORIZED: "0"` and the like switch the checks off for every script after them.
 */
export function variableFindings(variables: unknown, path: YamlPath, yaml: YamlDocument, file: string, source: SourceText): RawFinding[] {
  if (!isRecord(variables)) return [];
  return Object.entries(variables).flatMap(([name, entry]) => {
    const value = isRecord(entry) ? entry['value'] : entry;
    const message = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? environmentSwitchOff(name, String(value)) : undefined;
    return message ? [makeFinding(shellTlsVerifyDisabled, file, source, yaml.locate([...path, name]), { message })] : [];
  });
}
