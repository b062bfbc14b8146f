import path from 'node:path';
import type { AnalyzerOutput, FileAnalyzer, FileEntry, RawFinding, SourceFile } from '../../core/analyzer.js';
import { makeFinding } from '../../core/make-finding.js';
import { SourceText } from '../../core/source-text.js';
import { LineIndex } from '../sql/lines.js';
import { airflowRules } from './rules/index.js';
import { airflowSettings } from './settings.js';

/** Files that can set Airflow options: airflow.cfg, and wherever environment variables are given to a deployment. */
const CARRIERS = new Set<FileEntry['kind']>(['config', 'kubernetes', 'dockerfile', 'shell', 'python']);

/** Airflow's own configuration: options that open the scheduler, workers or webserver to whoever feeds the pipeline. */
export const airflowConfigAnalyzer: FileAnalyzer = {
  name: 'airflow-config',
  category: 'iac',
  rules: airflowRules,
  required: (file) => CARRIERS.has(file.kind),
  analyze: analyzeAirflowConfig,
};

function analyzeAirflowConfig(file: SourceFile): AnalyzerOutput {
  const settings = airflowSettings(path.posix.basename(file.path), file.text);
  if (settings.length === 0) return { findings: [], problems: [] };
  const source = new SourceText(file.text);
  const lines = new LineIndex(file.text);
  const findings: RawFinding[] = [];
  for (const rule of airflowRules) {
    rule.check(settings, (setting, message, options) => {
      const from = lines.position(setting.start);
      const to = lines.position(Math.max(setting.end, setting.start));
      findings.push(makeFinding(rule, file.path, source, { startLine: from.line, startColumn: from.column, endLine: to.line, endColumn: to.column }, { ...options, message }));
    });
  }
  return { findings, problems: [] };
}
