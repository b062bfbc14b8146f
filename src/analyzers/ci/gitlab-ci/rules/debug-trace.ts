import type { RawFinding } from '../../../../core/analyzer.js';
import { makeFinding } from '../../../../core/make-finding.js';
import type { RuleMeta } from '../../../../core/rule.js';
import type { SourceText } from '../../../../core/source-text.js';
import { isRecord } from '../../../iac/kubernetes/parse.js';
import type { YamlDocument, YamlPath } from '../../../yaml-document.js';

/** The variables that make the runner print every command with its variables expanded, masked ones included. */
const DEBUG_VARIABLES = ['CI_DEBUG_TRACE', 'CI_DEBUG_SERVICES'];
/** What the runner takes for true (Go's strconv.ParseBool). */
const TRUE = /^(1|t|true)$/i;

export const gitlabDebugTrace: RuleMeta = {
  id: 'gitlab.debug-trace',
  title: 'GitLab CI debug trace writes every variable, secrets included, to the job log',
  category: 'iac',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-532'],
  what: 'Finds `CI_DEBUG_TRACE` or `CI_DEBUG_SERVICES` set to true (`true`, `1`, `t`) in the `variables:` of a GitLab CI file, a job or a template.',
  why:
    'With debug tracing the runner prints each shell command with every variable expanded, and masking does not apply: ' +
    'warehouse passwords, cloud keys and deploy tokens land in job logs that project members can read (and, for values ' +
    'GitLab itself does not take for true, such as `1`, possibly anyone who can see the job), that are kept for months ' +
    'and that a retry of the job writes again.',
  remediation: 'Remove the variable from the file; when a job must be debugged, set it for one manual run and erase that job\'s log afterwards.',
  bad: [{ file: '.gitlab-ci.yml', code: 'load:\n  variables:\n    CI_DEBUG_TRACE: "true"\n  script:\n    - python load.py\n' }],
  good: [{ file: '.gitlab-ci.yml', code: 'load:\n  variables:\n    CI_DEBUG_TRACE: "false"\n  script:\n    - python load.py\n' }],
  references: ['https://docs.gitlab.com/ee/ci/variables/#enable-debug-logging', 'https://cwe.mitre.org/data/definitions/532.html'],
};

/** The debug switches a `variables:` map at `path` turns on, plain or `{value: …}`. */
export function debugTraceFindings(variables: unknown, path: YamlPath, yaml: YamlDocument, file: string, source: SourceText): RawFinding[] {
  if (!isRecord(variables)) return [];
  return DEBUG_VARIABLES.flatMap((name) => {
    const entry = variables[name];
    const value = isRecord(entry) ? entry['value'] : entry;
    if (!TRUE.test(String(value ?? '').trim())) return [];
    return [makeFinding(gitlabDebugTrace, file, source, yaml.locate([...path, name]), { message: `${name}=${String(value).trim()} prints every variable of the job, masked secrets included, to its log` })];
  });
}
