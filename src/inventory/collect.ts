import fs from 'node:fs';
import { githubActionsAnalyzer } from '../analyzers/ci/github-actions/index.js';
import { parseWorkflow } from '../analyzers/ci/github-actions/workflow.js';
import { gitlabCiAnalyzer } from '../analyzers/ci/gitlab-ci/index.js';
import { jenkinsfileImages } from '../analyzers/ci/jenkins/index.js';
import { isJenkinsfile, readJenkinsfile } from '../analyzers/ci/jenkins/jenkinsfile.js';
import { LineIndex } from '../analyzers/sql/lines.js';
import { parsePipeline } from '../analyzers/ci/gitlab-ci/pipeline.js';
import { bitbucketPipelines, bitbucketPipelinesAnalyzer } from '../analyzers/ci/bitbucket/pipelines.js';
import { azurePipelines, azurePipelinesAnalyzer } from '../analyzers/ci/azure-pipelines/pipeline.js';
import { ciDialectImages } from '../analyzers/ci/ci-dialect.js';
import { circleCi, circleCiAnalyzer } from '../analyzers/ci/circleci/config.js';
import { commandsOf } from '../analyzers/container/dockerfile/shell.js';
import { readRootfs, type RootfsInventory } from '../analyzers/container/rootfs/scan.js';
import { depsFilesAnalyzer } from '../analyzers/deps/files-analyzer.js';
import { isComposeFile, parseCompose } from '../analyzers/iac/compose/parse.js';
import { helmValuesImages, isHelmValuesFile } from '../analyzers/iac/helm-values/images.js';
import { parseManifests } from '../analyzers/iac/kubernetes/parse.js';
import { buildInventory, type BuiltInventory } from '../analyzers/deps/inventory.js';
import type { DependencyFacts } from '../analyzers/deps/model.js';
import { resolveUnlocked } from '../analyzers/deps/resolve/resolve-unlocked.js';
import type { DepsSettings } from '../analyzers/deps/settings.js';
import { fileAnalyzers } from '../analyzers/registry.js';
import { shellScriptAnalyzer } from '../analyzers/shell-script/index.js';
import type { PythonFacts, PythonLineage } from '../analyzers/python/facts.js';
import type { FileEntry } from '../core/analyzer.js';
import type { ScanError } from '../core/finding.js';
import { buildLineage } from './lineage/build.js';
import type { LineageGraph } from './lineage/graph.js';
import { baseImagesOf, type ContainerImage } from './containers.js';
import { pythonModuleImages, composeImages, gitlabCiImages, kubernetesImages, shellImages, workflowImages } from './deployed-images.js';
import { servicesIn, type Service } from './services.js';
import { walk } from './walk.js';

export interface CollectedInventory {
  built: BuiltInventory;
  images: ContainerImage[];
  services: Service[];
  lineage: LineageGraph;
  /** The unpacked image given with --image-rootfs: its distribution and installed packages. */
  rootfs?: RootfsInventory;
  /** Files that could not be read or parsed; the inventory is complete apart from them. */
  errors: ScanError[];
  notices: string[];
}

/** Everything the pipeline is built from and talks to: packages, base and deployed images, external services. */
export async function collectInventory(
  root: string,
  options: { maxFileSize: number; exclude: string[]; deps: DepsSettings; imageRootfs?: string },
): Promise<CollectedInventory> {
  const { files } = walk(root, { maxFileSize: options.maxFileSize, exclude: options.exclude });
  const facts = new Map<string, DependencyFacts>();
  const images: ContainerImage[] = [];
  const services: Service[] = [];
  const errors: ScanError[] = [];
  const lineage = new Map<string, PythonLineage>();
  for (const entry of files) {
    // A Jenkinsfile has no extension to classify it by, but names the images its agents run.
    if (entry.kind === 'data' || (entry.kind === 'other' && !isJenkinsfile(entry.path))) continue;
    let text: string;
    try {
      text = fs.readFileSync(entry.absPath, 'utf8');
    } catch (err) {
      errors.push({ file: entry.path, message: `cannot read file (${(err as NodeJS.ErrnoException).code ?? String(err)})` });
      continue;
    }
    if (depsFilesAnalyzer.required(entry)) {
      const output = depsFilesAnalyzer.analyze({ ...entry, text });
      for (const problem of output.problems) errors.push({ file: entry.path, analyzer: depsFilesAnalyzer.name, message: problem });
      if (output.facts) facts.set(entry.path, output.facts as DependencyFacts);
    }
    if (entry.kind === 'dockerfile') images.push(...baseImagesOf(text, entry.path));
    const deployed = deployedImagesIn(entry, text);
    images.push(...deployed.images);
    for (const problem of deployed.problems) errors.push({ file: entry.path, message: problem });
    services.push(...servicesIn({ path: entry.path, kind: entry.kind, text }));
    const moduleLineage = lineageOf(entry, text, errors);
    if (moduleLineage) {
      lineage.set(entry.path, moduleLineage);
      images.push(...pythonModuleImages(moduleLineage, entry.path));
    }
  }
  const built = buildInventory(facts);
  const notices = options.deps.resolve ? (await resolveUnlocked(built, facts, options.deps)).notices : [];
  const rootfs = options.imageRootfs ? readRootfs(options.imageRootfs) : undefined;
  if (rootfs) notices.push(...rootfs.notices);
  return { built, images, services, lineage: buildLineage(lineage), ...(rootfs ? { rootfs } : {}), errors, notices };
}

/** The images a Compose file's services, a manifest's workloads, a chart's values, GitHub Actions, GitLab CI, CircleCI, Bitbucket or Azure Pipelines jobs, Jenkins agents or a shell script's `docker run` start, and why a file could not be read for them. */
function deployedImagesIn(entry: FileEntry, text: string): { images: ContainerImage[]; problems: string[] } {
  // Before the manifests: a deploy workflow with a manifest in a heredoc is classified as one.
  if (githubActionsAnalyzer.required(entry)) {
    const parsed = parseWorkflow(text);
    return { images: workflowImages(parsed, entry.path), problems: parsed.problems };
  }
  if (entry.kind === 'kubernetes') {
    const parsed = parseManifests(text);
    return { images: kubernetesImages(parsed, entry.path), problems: parsed.problems };
  }
  if (entry.kind === 'config' && isComposeFile(entry.path)) {
    const parsed = parseCompose(text);
    return { images: composeImages(parsed, entry.path), problems: parsed.problems };
  }
  if (entry.kind === 'config' && isHelmValuesFile(entry.path)) return helmValuesImages(text, entry.path);
  if (gitlabCiAnalyzer.required(entry)) {
    const parsed = parsePipeline(text);
    return { images: gitlabCiImages(parsed, entry.path), problems: parsed.problems };
  }
  if (circleCiAnalyzer.required(entry)) return ciDialectImages(circleCi, text, entry.path);
  if (bitbucketPipelinesAnalyzer.required(entry)) return ciDialectImages(bitbucketPipelines, text, entry.path);
  if (azurePipelinesAnalyzer.required(entry)) return ciDialectImages(azurePipelines, text, entry.path);
  if (isJenkinsfile(entry.path)) return { images: jenkinsfileImages(readJenkinsfile(text), new LineIndex(text), entry.path), problems: [] };
  if (shellScriptAnalyzer.required(entry)) return { images: shellImages(text, commandsOf(text), entry.path), problems: [] };
  return { images: [], problems: [] };
}

/** The lineage the code analyzers record for a file (Python modules and notebooks). */
function lineageOf(entry: FileEntry, text: string, errors: ScanError[]): PythonLineage | undefined {
  for (const analyzer of fileAnalyzers) {
    if (analyzer.category !== 'sast' || !analyzer.required(entry)) continue;
    try {
      const found = (analyzer.analyze({ ...entry, text }).facts as PythonFacts | undefined)?.lineage;
      if (found) return found;
    } catch (err) {
      errors.push({ file: entry.path, analyzer: analyzer.name, message: `analyzer failed: ${(err as Error).message}` });
    }
  }
  return undefined;
}
