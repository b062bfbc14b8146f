import type { DepsRule } from './deps-rule.js';
import { dependencyConfusion } from './dependency-confusion.js';
import { directUrlDependency } from './direct-url.js';
import { insecurePackageSource } from './insecure-package-source.js';
import { maliciousPackage } from './malicious-package.js';
import { missingHashes } from './missing-hashes.js';
import { unpinnedRequirement } from './unpinned.js';
import { vulnerablePackage } from './vulnerable-package.js';
import { yankedVersion } from './yanked-version.js';

export const depsRules: DepsRule[] = [
  vulnerablePackage,
  maliciousPackage,
  yankedVersion,
  unpinnedRequirement,
  missingHashes,
  directUrlDependency,
  dependencyConfusion,
  insecurePackageSource,
];
