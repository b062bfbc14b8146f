import type { GhaRule } from '../gha-rule.js';
import { ghaAllSecretsExposed } from './all-secrets-exposed.js';
import { ghaGithubEnvInjection } from './github-env-injection.js';
import { ghaInsecureCommands } from './insecure-commands.js';
import { ghaPullRequestTargetCheckout } from './pull-request-target-checkout.js';
import { ghaScriptInjection } from './script-injection.js';
import { ghaUnpinnedAction } from './unpinned-action.js';
import { ghaUntrustedArtifact } from './untrusted-artifact.js';
import { ghaWriteAllPermissions } from './write-all-permissions.js';

export const ghaRules: GhaRule[] = [
  ghaAllSecretsExposed,
  ghaGithubEnvInjection,
  ghaInsecureCommands,
  ghaPullRequestTargetCheckout,
  ghaScriptInjection,
  ghaUnpinnedAction,
  ghaUntrustedArtifact,
  ghaWriteAllPermissions,
];
