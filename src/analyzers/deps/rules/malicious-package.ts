import type { DepsRule } from './deps-rule.js';

export const maliciousPackage: DepsRule = {
  id: 'deps.malicious-package',
  title: 'Known malicious package',
  category: 'dependency',
  severity: 'critical',
  confidence: 'high',
  cwe: ['CWE-506'],
  what: 'Finds installed packages that an OSV malicious-package record (`MAL-` id) names: typosquats, hijacked releases, packages built to steal.',
  why:
    'A malicious package runs its payload when it is installed or imported — usually stealing cloud credentials and tokens from ' +
    'the environment, which in a pipeline’s build or worker image are the keys to the data lake.',
  remediation:
    'Remove the package, rotate every credential the build and the workers could read, rebuild images from a clean base, and check ' +
    'the name you meant to install.',
  bad: [{ file: 'requirements.txt', code: 'pandas==2.2.2\npandsa-utils==0.0.3\n' }],
  good: [{ file: 'requirements.txt', code: 'pandas==2.2.2\n' }],
  references: ['https://github.com/ossf/malicious-packages', 'https://cwe.mitre.org/data/definitions/506.html'],
  check(project) {
    return project.vulnerable
      .filter((v) => v.malicious)
      .map((v) => {
        const site = project.built.sites.get(v.pkg.purl) ?? { file: v.pkg.declaredIn[0] ?? '.', line: 1 };
        return {
          file: site.file,
          line: site.line,
          key: `${v.pkg.purl} ${v.ids[0]}`,
          message: `${v.pkg.name} ${v.pkg.version} is a known malicious package (${v.ids.join(', ')}): ${v.summary}`,
        };
      });
  },
};
