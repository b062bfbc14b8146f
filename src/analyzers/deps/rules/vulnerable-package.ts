import type { Confidence, Severity } from '../../../core/finding.js';
import { SEVERITIES } from '../../../core/finding.js';
import { reachabilityOf, type Reachability } from '../reachability/reachability.js';
import type { VulnerablePackage } from '../vulnerabilities.js';
import type { DepsHit, DepsProject, DepsRule } from './deps-rule.js';

export const vulnerablePackage: DepsRule = {
  id: 'deps.vulnerable-package',
  title: 'Dependency with a known vulnerability',
  category: 'dependency',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-1395'],
  what:
    'Matches every installed package version — direct and transitive, from lockfiles and pinned manifests — against OSV ' +
    'advisories, and says whether the pipeline calls the vulnerable API, only imports the package, or just has it installed.',
  why:
    'Data pipelines parse untrusted files with libraries such as PyYAML, Pillow, lxml and pandas; a known flaw in one of them ' +
    'is often directly reachable from the data the pipeline ingests. Severity comes from the advisory’s CVSS vector; findings ' +
    'the code cannot reach are ranked lower so that the reachable ones get fixed first.',
  remediation: 'Upgrade to the fixed version the finding names (in the lockfile, or the pin in the manifest) and rebuild the image.',
  bad: [{ file: 'requirements.txt', code: 'PyYAML==5.3.1\n' }],
  good: [{ file: 'requirements.txt', code: 'PyYAML==6.0.1\n' }],
  references: ['https://osv.dev', 'https://cwe.mitre.org/data/definitions/1395.html'],
  check(project) {
    return project.vulnerable.filter((v) => !v.malicious).map((v) => hitFor(v, project));
  },
};

function hitFor(v: VulnerablePackage, project: DepsProject): DepsHit {
  const site = project.built.sites.get(v.pkg.purl) ?? { file: v.pkg.declaredIn[0] ?? '.', line: 1 };
  const reach = reachabilityOf(v.pkg, v.ids, project.code);
  const [primary, ...others] = v.ids;
  const rating = v.severity ? `${v.basis}${v.score !== undefined ? ` ${v.score}` : ''}` : 'not rated: the advisory has no CVSS vector';
  const parts = [
    `${v.pkg.name} ${v.pkg.version} is affected by ${primary}${others.length > 0 ? ` (${others.join(', ')})` : ''}: ${v.summary}`,
    v.fixed ? `Fixed in ${v.fixed}.` : 'No fixed version is known.',
    `Severity ${rating}.`,
    pathSentence(v),
    reachSentence(reach),
  ];
  const { severity, confidence } = rank(v.severity ?? 'medium', reach);
  const trace = [{ file: site.file, line: site.line, label: `${v.pkg.name} ${v.pkg.version} ${v.pkg.scope === 'direct' ? 'declared' : 'locked'} here` }];
  if (reach.level === 'called') trace.push({ file: reach.file, line: reach.line, label: `calls ${reach.api}` });
  return {
    file: site.file,
    line: site.line,
    key: `${v.pkg.purl} ${primary}`,
    message: parts.join(' '),
    severity,
    confidence,
    trace,
    cwe: v.cwes.length > 0 ? v.cwes : undefined,
  };
}

function pathSentence(v: VulnerablePackage): string {
  if (v.pkg.scope === 'direct') return 'Direct dependency.';
  const path = v.pkg.paths[0];
  return path ? `Pulled in by ${path.join(' → ')}.` : 'Transitive dependency.';
}

function reachSentence(reach: Reachability): string {
  switch (reach.level) {
    case 'called':
      return `Reachable: ${reach.file}:${reach.line} calls ${reach.api} (advisory: “${reach.basis}”).`;
    case 'imported':
      return `The pipeline imports ${reach.module} (${reach.file}); whether it uses the vulnerable API is not known.`;
    case 'not-imported':
      return 'No analysed code imports it: it is installed but not used directly.';
  }
}

/** Reachable flaws keep their rating at high confidence; unused ones drop a severity step. */
function rank(severity: Severity, reach: Reachability): { severity: Severity; confidence: Confidence } {
  switch (reach.level) {
    case 'called':
      return { severity, confidence: 'high' };
    case 'imported':
      return { severity, confidence: 'medium' };
    case 'not-imported':
      return { severity: SEVERITIES[Math.min(SEVERITIES.indexOf(severity) + 1, SEVERITIES.length - 1)]!, confidence: 'low' };
  }
}
