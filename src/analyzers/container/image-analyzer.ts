import fs from 'node:fs';
import path from 'node:path';
import type { ProjectAnalyzer, ProjectContext, ProjectOutput } from '../../core/analyzer.js';
import type { Finding } from '../../core/finding.js';
import { stableFingerprint } from '../../core/fingerprint.js';
import { makeFinding } from '../../core/make-finding.js';
import { SourceText } from '../../core/source-text.js';
import type { DepsSettings } from '../deps/settings.js';
import type { ImageFacts } from '../../inventory/containers.js';
import { pythonModuleImages } from '../../inventory/deployed-images.js';
import { NOTEBOOK_ANALYZER } from '../notebook/facts.js';
import { codeModuleFacts, PYTHON_ANALYZER } from '../python/facts.js';
import { findVulnerable, type VulnerablePackage } from '../deps/vulnerabilities.js';
import { eolOs } from './image-rules/eol-os.js';
import { eolRuntime } from './image-rules/eol-runtime.js';
import { vulnerableImagePackage } from './image-rules/vulnerable-package.js';
import type { ImageHit, ImageProject, ImageRule } from './image-rule.js';
import { DOCKERFILE_ANALYZER } from './index.js';
import type { ImagePackage } from './rootfs/packages.js';
import { readRootfs, type RootfsInventory } from './rootfs/scan.js';
import { eolBaseImage } from './rules/eol-base-image.js';

export const imageRules: ImageRule[] = [eolBaseImage, eolOs, eolRuntime, vulnerableImagePackage];

/** The file analyzers whose facts list images the pipeline runs, beside the Dockerfiles' base images. */
const DEPLOYING_ANALYZERS = ['compose', 'kubernetes', 'helm-values', 'github-actions', 'gitlab-ci', 'circleci', 'bitbucket-pipelines', 'azure-pipelines', 'jenkins', 'shell'];

/**
 * Container images as a whole: Dockerfile base images and the images Compose services,
 * Kubernetes workloads, Helm charts' values, GitHub Actions, GitLab CI, CircleCI, Bitbucket and Azure Pipelines jobs, shell scripts' `docker run`, Airflow tasks and the containers Python code and notebooks start run against the end-of-life table on the run date, and
 * — with --image-rootfs — the packages of an unpacked image against advisories.
 */
export const containerImageAnalyzer: ProjectAnalyzer = {
  name: 'container-image',
  category: 'container',
  rules: imageRules,
  usesFactsFrom: [DOCKERFILE_ANALYZER, ...DEPLOYING_ANALYZERS, PYTHON_ANALYZER, NOTEBOOK_ANALYZER],
  async analyze(ctx: ProjectContext): Promise<ProjectOutput> {
    const images = [DOCKERFILE_ANALYZER, ...DEPLOYING_ANALYZERS].flatMap((name) => [...(ctx.facts(name) as Map<string, ImageFacts>).values()].flatMap((f) => f.images));
    // Python's and notebooks' facts hold the DAGs' Airflow tasks, with the image a pod or Docker operator runs, and the containers the code starts.
    for (const [file, facts] of codeModuleFacts(ctx)) if (facts.lineage) images.push(...pythonModuleImages(facts.lineage, file));
    const rootfsDir = ctx.settings.image?.rootfs;
    const { project, notices } = await assembleImageProject(images, rootfsDir ? readRootfs(rootfsDir) : undefined, ctx.settings.deps, ctx.now);
    return { findings: imageFindings(project, ctx.root), errors: [], notices };
  },
};

/** Matches the image's packages against advisories and says what could not be matched. */
export async function assembleImageProject(
  images: ImageProject['images'],
  rootfs: RootfsInventory | undefined,
  deps: DepsSettings,
  now: Date,
): Promise<{ project: ImageProject; notices: string[] }> {
  if (!rootfs) return { project: { images, vulnerable: [], now }, notices: [] };
  const notices = [...rootfs.notices, inventoryNotice(rootfs)];
  // A package filed under several ecosystems is matched in each; its own release's comes first.
  const matchable = rootfs.packages.filter((p) => p.matchable).flatMap((p) => [p, ...(p.otherEcosystems ?? []).map((ecosystem) => ({ ...p, ecosystem }))]);
  const scan = matchable.length > 0 ? await findVulnerable({ packages: matchable }, deps, now) : undefined;
  notices.push(...(scan?.notices ?? []).map((n) => `image rootfs: ${n}`));
  // The OSV API answers for every ecosystem; a directory or database only for those it holds.
  const covers = (ecosystem: string) => scan?.source !== undefined && (scan.source.kind === 'osv-api' || (scan.source.counts[ecosystem] ?? 0) > 0);
  const unmatched = rootfs.packages.filter((p) => p.type !== 'pypi' && !(p.matchable && [p.ecosystem, ...(p.otherEcosystems ?? [])].some(covers)));
  if (unmatched.length > 0) {
    const which = [...new Set(unmatched.map((p) => p.ecosystem))].join(', ');
    notices.push(
      `image rootfs: OS advisories were not available for ${which}: ${unmatched.length} OS package(s) are inventoried but were not matched (give --osv-db a directory holding those OSV ecosystems)`,
    );
  }
  return { project: { images, rootfs, vulnerable: oncePerAdvisory(scan?.vulnerable ?? []), now }, notices };
}

/** One advisory that names a package under two ecosystems (Ubuntu and Ubuntu Pro) is one finding, the first match's. */
function oncePerAdvisory(vulnerable: VulnerablePackage<ImagePackage>[]): VulnerablePackage<ImagePackage>[] {
  const seen = new Set<string>();
  return vulnerable.filter((v) => {
    const key = `${v.pkg.file}\u0000${v.pkg.line}\u0000${v.ids[0]}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function inventoryNotice(rootfs: RootfsInventory): string {
  const counts = new Map<string, number>();
  for (const p of rootfs.packages) counts.set(p.type, (counts.get(p.type) ?? 0) + 1);
  const listed = [...counts].map(([type, n]) => `${n} ${type}`).join(', ') || 'no packages';
  return `image rootfs ${rootfs.root}: ${rootfs.os?.prettyName ?? rootfs.os?.id ?? 'unknown distribution'}, ${listed}`;
}

export function imageFindings(project: ImageProject, root: string): Finding[] {
  const sources = new Map<string, SourceText>();
  const sourceOf = (file: string) => {
    let source = sources.get(file);
    if (!source) {
      source = new SourceText(readOrEmpty(file));
      sources.set(file, source);
    }
    return source;
  };
  return imageRules.flatMap((rule) =>
    rule.check(project).map((hit: ImageHit) => {
      const absolute = path.resolve(root, hit.file);
      const file = path.relative(root, absolute).split(path.sep).join('/');
      const source = sourceOf(absolute);
      const range = { startLine: hit.line, startColumn: 1, endLine: hit.line, endColumn: source.line(hit.line).length + 1 };
      return { ...makeFinding(rule, file, source, range, hit), fingerprint: stableFingerprint(rule.id, file, hit.key) };
    }),
  );
}

function readOrEmpty(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
