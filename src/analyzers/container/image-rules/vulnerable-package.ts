import path from 'node:path';
import type { ImageRule } from '../image-rule.js';

export const vulnerableImagePackage: ImageRule = {
  id: 'image.vulnerable-package',
  title: 'Package in the image with a known vulnerability',
  category: 'container',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-1395'],
  what:
    'With --image-rootfs, matches the Python distributions installed in the image (site-packages) and its Debian, ' +
    'Ubuntu and Alpine packages (by source package, on the image’s release; when the advisory source covers those ' +
    'ecosystems) against OSV advisories.',
  why:
    'What runs is the image, not the requirements file: packages baked into the base image or installed by a RUN line ' +
    'never appear in the project’s manifests, yet a flaw in them is just as exploitable from the data the job reads.',
  remediation: 'Upgrade the package to the fixed version the finding names (in the Dockerfile, the lockfile, or by moving to a newer base image) and rebuild.',
  bad: [{ file: 'usr/local/lib/python3.12/site-packages/PyYAML-5.3.1.dist-info/METADATA', code: 'Metadata-Version: 2.1\nName: PyYAML\nVersion: 5.3.1\n' }],
  good: [{ file: 'usr/local/lib/python3.12/site-packages/PyYAML-6.0.2.dist-info/METADATA', code: 'Metadata-Version: 2.1\nName: PyYAML\nVersion: 6.0.2\n' }],
  references: ['https://osv.dev', 'https://cwe.mitre.org/data/definitions/1395.html'],
  check(project) {
    const root = project.rootfs?.root;
    if (!root) return [];
    return project.vulnerable.map((v) => {
      const [primary, ...others] = v.ids;
      const what = v.pkg.type === 'pypi' ? `${v.pkg.installedName} ${v.pkg.version}` : `${v.pkg.installedName} ${v.pkg.version} (source package ${v.pkg.name})`;
      const parts = [
        `${what} in the image is affected by ${primary}${others.length > 0 ? ` (${others.join(', ')})` : ''}: ${v.summary}`,
        v.fixed ? `Fixed in ${v.fixed}.` : 'No fixed version is known.',
      ];
      return {
        file: path.join(root, v.pkg.file),
        line: v.pkg.line,
        key: `${v.pkg.purl} ${primary}`,
        message: parts.join(' '),
        severity: v.severity ?? 'medium',
        ...(v.cwes.length > 0 ? { cwe: v.cwes } : {}),
      };
    });
  },
};
