import type { RawFinding } from '../../core/analyzer.js';
import { makeFinding } from '../../core/make-finding.js';
import type { SourceText } from '../../core/source-text.js';
import { commandsOf } from '../container/dockerfile/shell.js';
import { runShellRules } from '../shell-script/index.js';
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
