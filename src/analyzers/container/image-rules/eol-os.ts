import path from 'node:path';
import { describeRelease, findRelease, isPastEol, type Product } from '../eol-images.js';
import type { ImageRule } from '../image-rule.js';

const DISTRIBUTIONS = new Set<string>(['debian', 'ubuntu', 'alpine']);

export const eolOs: ImageRule = {
  id: 'image.eol-os',
  title: 'Image distribution is past its end of life',
  category: 'container',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-1104'],
  what: 'With --image-rootfs, reads the image’s os-release and finds Debian, Ubuntu and Alpine releases past their end of life on the day of the assessment.',
  why:
    'The packages of an end-of-life distribution get no more security fixes: the image keeps every OpenSSL, glibc or ' +
    'zlib vulnerability found after that date, and no rebuild will bring a fix in.',
  remediation: 'Rebuild the image on a supported release of the distribution (or a distroless/minimal base that is maintained).',
  bad: [{ file: 'etc/os-release', code: 'PRETTY_NAME="Debian GNU/Linux 10 (buster)"\nID=debian\nVERSION_ID="10"\nVERSION_CODENAME=buster\n' }],
  good: [{ file: 'etc/os-release', code: 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\nVERSION_CODENAME=bookworm\n' }],
  references: ['https://endoflife.date/debian', 'https://endoflife.date/alpine', 'https://cwe.mitre.org/data/definitions/1104.html'],
  check(project) {
    const os = project.rootfs?.os;
    if (!os || !DISTRIBUTIONS.has(os.id) || !os.versionId) return [];
    const version = os.id === 'alpine' ? (/^\d+\.\d+/.exec(os.versionId)?.[0] ?? os.versionId) : os.id === 'debian' ? os.versionId.split('.')[0]! : os.versionId;
    const release = findRelease(os.id as Product, version);
    if (!release || !isPastEol(release, project.now)) return [];
    return [
      {
        file: path.join(project.rootfs!.root, os.file),
        line: os.line,
        key: `${os.id} ${version}`,
        message: `The image is ${os.prettyName ?? describeRelease(release)}: ${describeRelease(release)} reached end of life on ${release.eol}`,
      },
    ];
  },
};
