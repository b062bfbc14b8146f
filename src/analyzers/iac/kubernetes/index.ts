import type { AnalyzerOutput, FileAnalyzer, RawFinding, SourceFile } from '../../../core/analyzer.js';
import { makeFinding } from '../../../core/make-finding.js';
import { SourceText } from '../../../core/source-text.js';
import type { K8sContext } from './k8s-rule.js';
import { parseManifests } from './parse.js';
import { k8sRules } from './rules/index.js';
import { podsOf } from './workloads.js';
import type { ImageFacts } from '../../../inventory/containers.js';
import { kubernetesImages } from '../../../inventory/deployed-images.js';

/**
 * Kubernetes manifests (plain, multi-document, or rendered by Helm): workload security
 * settings and RBAC grants. Its facts are the images the workloads run.
 */
export const kubernetesAnalyzer: FileAnalyzer = {
  name: 'kubernetes',
  category: 'iac',
  rules: k8sRules,
  required: (file) => file.kind === 'kubernetes',
  analyze: analyzeManifests,
};

function analyzeManifests(file: SourceFile): AnalyzerOutput {
  const parsed = parseManifests(file.text);
  const source = new SourceText(file.text);
  const findings: RawFinding[] = [];
  const pods = podsOf(parsed.objects);
  for (const rule of k8sRules) {
    const ctx: K8sContext = {
      objects: parsed.objects,
      pods,
      report(object, path, options) {
        findings.push(makeFinding(rule, file.path, source, parsed.locate(object, path), options));
      },
    };
    rule.check(ctx);
  }
  const facts: ImageFacts = { images: kubernetesImages(parsed, file.path) };
  return { findings, problems: parsed.problems, facts };
}
