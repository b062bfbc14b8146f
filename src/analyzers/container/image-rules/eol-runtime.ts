import path from 'node:path';
import { describeRelease, findRelease, isPastEol } from '../eol-images.js';
import type { ImageRule } from '../image-rule.js';

export const eolRuntime: ImageRule = {
  id: 'image.eol-runtime',
  title: 'Language runtime in the image is past its end of life',
  category: 'container',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-1104'],
  what:
    'With --image-rootfs, finds Python installations (by their standard library directory, e.g. `usr/local/lib/python3.7/os.py`) ' +
    'and Node.js (by `node_version.h`) whose release is past its end of life on the day of the assessment.',
  why:
    'The interpreter parses every file the pipeline ingests; after its end of life, flaws in it (and in the OpenSSL or ' +
    'expat it bundles) are no longer fixed, whatever the Dockerfile’s FROM line claimed.',
  remediation: 'Rebuild the image on a supported Python or Node.js release and re-test the pipeline on it.',
  bad: [{ file: 'usr/local/lib/python3.7/os.py', code: '"""OS routines for NT or Posix depending on what system we\'re on."""\n' }],
  good: [{ file: 'usr/local/lib/python3.12/os.py', code: '"""OS routines for NT or Posix depending on what system we\'re on."""\n' }],
  references: ['https://devguide.python.org/versions/', 'https://github.com/nodejs/release#release-schedule', 'https://cwe.mitre.org/data/definitions/1104.html'],
  check(project) {
    const rootfs = project.rootfs;
    if (!rootfs) return [];
    return rootfs.runtimes.flatMap((runtime) => {
      const release = findRelease(runtime.product, runtime.release);
      if (!release || !isPastEol(release, project.now)) return [];
      return [
        {
          file: path.join(rootfs.root, runtime.file),
          line: runtime.line,
          key: `${runtime.product} ${runtime.release}`,
          message: `The image contains ${describeRelease(release)}, which reached end of life on ${release.eol}`,
        },
      ];
    });
  },
};
