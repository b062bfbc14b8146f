import { argument, calls, type CallSite } from '../call-site.js';
import { extractionFilter, type FilterVerdict } from '../extraction-filter.js';
import type { PythonContext, PythonRule } from '../python-rule.js';
import { calleeLabel, reportUnseen } from './dynamic-value.js';

/** What `tarfile` calls return a TarFile; `with tarfile.open(...) as t` resolves `t` to the same. */
const TARFILES = ['open', 'TarFile', 'TarFile.open', 'TarFile.taropen', 'TarFile.gzopen', 'TarFile.bz2open', 'TarFile.xzopen'].map(
  (f) => `tarfile.${f}()`,
);
const EXTRACTORS = TARFILES.flatMap((t) => [`${t}.extractall`, `${t}.extract`]);

export const tarfileExtractall: PythonRule = {
  id: 'py.archive.tarfile-extractall',
  title: 'Tar archive extracted without a safety filter',
  category: 'sast',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-22'],
  what:
    'Finds TarFile.extractall() and extract() on archives opened with tarfile, and shutil.unpack_archive(), without ' +
    'filter= or with filter="fully_trusted". filter="data" (or "tar", or a filter function) is not reported.',
  why:
    'Before Python 3.14, tarfile extracts members exactly as the archive names them: ../../ paths, absolute paths, ' +
    'and symlinks pointing outside the target all write where the archive’s author chose. Pipelines unpack vendor ' +
    'drops, model bundles and dataset snapshots from buckets and URLs; a crafted archive overwrites code, cron ' +
    'entries or credentials on the worker.',
  remediation:
    'Pass filter="data" (Python 3.12+, and security releases of 3.8–3.11) to extractall(), extract() and ' +
    'shutil.unpack_archive(). On older interpreters, check that every member’s resolved path and link target stay ' +
    'inside the destination before extracting.',
  bad: [
    {
      file: 'ingest/unpack_vendor_drop.py',
      code:
        'import tarfile\n' +
        'from pathlib import Path\n\n\n' +
        'def unpack(archive: Path, staging: Path) -> list[Path]:\n' +
        '    with tarfile.open(archive, "r:gz") as tar:\n' +
        '        tar.extractall(staging)\n' +
        '    return sorted(staging.rglob("*.csv"))\n',
    },
    {
      file: 'models/fetch_bundle.py',
      code:
        'import io\n' +
        'import tarfile\n\n' +
        'def unpack_bundle(payload: bytes, target: str) -> None:\n' +
        '    bundle = tarfile.open(fileobj=io.BytesIO(payload))\n' +
        '    bundle.extractall(target, filter="fully_trusted")\n',
    },
  ],
  good: [
    {
      file: 'ingest/unpack_vendor_drop.py',
      code:
        'import tarfile\n' +
        'from pathlib import Path\n\n\n' +
        'def unpack(archive: Path, staging: Path) -> list[Path]:\n' +
        '    with tarfile.open(archive, "r:gz") as tar:\n' +
        '        tar.extractall(staging, filter="data")\n' +
        '    return sorted(staging.rglob("*.csv"))\n',
    },
  ],
  bandit: ['B202'],
  references: [
    'https://docs.python.org/3/library/tarfile.html#tarfile-extraction-filter',
    'https://peps.python.org/pep-0706/',
    'https://cwe.mitre.org/data/definitions/22.html',
  ],
  onCall(call, ctx) {
    const unpackArchive = calls(call, ['shutil.unpack_archive']);
    if (!unpackArchive && !calls(call, EXTRACTORS)) return;
    const verdict = extractionFilter(call, ctx);
    if (verdict === 'safe') return;
    if (verdict === 'missing' && call.hasSplat) {
      reportUnseen(ctx, call, 'filter="data"');
      return;
    }
    if (unpackArchive) checkUnpackArchive(ctx, call, verdict);
    else checkExtract(ctx, call, verdict);
  },
};

function checkExtract(ctx: PythonContext, call: CallSite, verdict: FilterVerdict): void {
  if (verdict === 'unsafe') {
    ctx.report(call.node, {
      message: `${calleeLabel(call)} extracts with filter="fully_trusted", so member paths and links are not checked`,
    });
    return;
  }
  // Before extraction filters, vetting members by hand was the way to do this safely.
  const members = call.method === 'extractall' ? argument(call, 1, 'members') : undefined;
  const vetted = members !== undefined && ctx.constantOf(members) !== null && !ctx.nameOf(members)?.endsWith('.getmembers()');
  ctx.report(call.node, {
    message: vetted
      ? `${calleeLabel(call)} extracts without filter=; members= may vet the paths, but the extraction filter is the reliable check`
      : `${calleeLabel(call)} extracts without filter=, so members named ../ or absolute paths, and links, can write outside the target`,
    confidence: vetted ? 'low' : 'high',
  });
}

function checkUnpackArchive(ctx: PythonContext, call: CallSite, verdict: FilterVerdict): void {
  const archive = argument(call, 0, 'filename');
  const format = argument(call, 2, 'format');
  const named = [archive, format].map((n) => (n ? ctx.constantOf(n) : undefined));
  // zipfile drops ../ and absolute paths itself; only tar formats need the filter.
  if (named.some((v) => typeof v === 'string' && /(^|\.)zip$/i.test(v))) return;
  ctx.report(call.node, {
    message:
      verdict === 'unsafe'
        ? `${calleeLabel(call)} unpacks with filter="fully_trusted", so tar member paths and links are not checked`
        : `${calleeLabel(call)} unpacks without filter=; in tar archives, members named ../ or absolute paths can write outside the target`,
    confidence: verdict === 'unsafe' ? 'high' : 'medium',
  });
}
