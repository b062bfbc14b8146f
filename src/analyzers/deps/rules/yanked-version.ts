import type { DepsRule } from './deps-rule.js';

export const yankedVersion: DepsRule = {
  id: 'deps.yanked-version',
  title: 'Pinned version was yanked from the index',
  category: 'dependency',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-1104'],
  what: 'Finds exact versions that the package index marks as yanked (checked when `--resolve` reads the index).',
  why:
    'Maintainers yank a release when it is broken or unsafe — a bad build, a security regression, a compromised upload. A pin to ' +
    'it keeps installing that release, and the reason is rarely visible to the team that pinned it.',
  remediation: 'Read the yank reason on the index and move the pin to the next good release.',
  bad: [{ file: 'requirements.txt', code: 'feedback-schemas==1.4.0\n' }],
  good: [{ file: 'requirements.txt', code: 'feedback-schemas==1.4.1\n' }],
  references: ['https://peps.python.org/pep-0592/', 'https://cwe.mitre.org/data/definitions/1104.html'],
  check(project) {
    return project.built.inventory.packages.flatMap((pkg) => {
      const reason = project.yanked.get(pkg.purl);
      if (reason === undefined) return [];
      const site = project.built.sites.get(pkg.purl) ?? { file: pkg.declaredIn[0] ?? '.', line: 1 };
      return [{ file: site.file, line: site.line, key: pkg.purl, message: `${pkg.name} ${pkg.version} was yanked from the index${reason ? `: ${reason}` : ''}` }];
    });
  },
};
