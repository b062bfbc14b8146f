import path from 'node:path';
import type { AnalyzerOutput, FileAnalyzer, FileEntry, RawFinding, SourceFile } from '../../core/analyzer.js';
import { makeFinding } from '../../core/make-finding.js';
import { SourceText } from '../../core/source-text.js';
import { LineIndex } from '../sql/lines.js';
import type { AppRule } from './app-rule.js';
import { joinCommandLists } from './command-lists.js';
import type { AppSetting } from './setting.js';
import { airflowRules } from './airflow/rules/index.js';
import { airflowSettings } from './airflow/settings.js';
import { jupyterRules } from './jupyter/rules/index.js';
import { jupyterSettings } from './jupyter/settings.js';
import { rayDashboardExposed } from './ray/rules/dashboard-exposed.js';
import { mlflowServerWithoutAuth } from './mlflow/rules/server-without-auth.js';
import { mlflowSettings } from './mlflow/settings.js';
import { postgresTrustAuth } from './postgres/rules/trust-auth.js';
import { postgresSettings } from './postgres/settings.js';
import { raySettings } from './ray/settings.js';
import { redisOpenWithoutPassword } from './redis/rules/open-without-password.js';
import { redisSettings } from './redis/settings.js';
import { searchSecurityDisabled } from './search/rules/security-disabled.js';
import { searchSettings } from './search/settings.js';
import { sparkRestSubmissionEnabled } from './spark/rules/rest-submission-enabled.js';
import { sparkSettings } from './spark/settings.js';

export const appConfigRules: AppRule[] = [...airflowRules, ...jupyterRules, rayDashboardExposed, sparkRestSubmissionEnabled, mlflowServerWithoutAuth, postgresTrustAuth, redisOpenWithoutPassword, searchSecurityDisabled];

/** Each service's reader of the options a file (by base name and text) sets for it. */
const SETTINGS_READERS: ReadonlyArray<(fileName: string, text: string) => AppSetting[]> = [
  airflowSettings,
  jupyterSettings,
  raySettings,
  sparkSettings,
  mlflowSettings,
  postgresSettings,
  redisSettings,
  searchSettings,
];

/** Files that configure or start pipeline services: their own config files, and wherever a deployment sets options or runs a command. */
const CARRIERS = new Set<FileEntry['kind']>(['config', 'kubernetes', 'dockerfile', 'shell', 'python']);

/** The configuration of the services a pipeline runs on (Airflow, Jupyter, Ray, Spark, MLflow, PostgreSQL, Redis, Elasticsearch/OpenSearch): options that open them to whoever can reach them. */
export const appConfigAnalyzer: FileAnalyzer = {
  name: 'app-config',
  category: 'iac',
  rules: appConfigRules,
  required: (file) => CARRIERS.has(file.kind),
  analyze: analyzeAppConfig,
};

function analyzeAppConfig(file: SourceFile): AnalyzerOutput {
  const name = path.posix.basename(file.path);
  const text = /\.ya?ml$/i.test(name) ? joinCommandLists(file.text) : file.text;
  let settings: AppSetting[];
  try {
    settings = SETTINGS_READERS.flatMap((read) => read(name, text));
  } catch (err) {
    return { findings: [], problems: [`cannot parse ${name}: ${(err as Error).message}`] };
  }
  if (settings.length === 0) return { findings: [], problems: [] };
  const source = new SourceText(file.text);
  const lines = new LineIndex(file.text);
  const findings: RawFinding[] = [];
  for (const rule of appConfigRules) {
    rule.check(settings, (setting, message, options) => {
      const from = lines.position(setting.start);
      const to = lines.position(Math.max(setting.end, setting.start));
      findings.push(makeFinding(rule, file.path, source, { startLine: from.line, startColumn: from.column, endLine: to.line, endColumn: to.column }, { ...options, message }));
    });
  }
  return { findings, problems: [] };
}
