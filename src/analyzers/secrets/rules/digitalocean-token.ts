import { token } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

export const digitaloceanToken = secretRule({
  id: 'secret.digitalocean-token',
  title: 'DigitalOcean API token',
  severity: 'high',
  what: 'Finds DigitalOcean personal access (dop_v1_), OAuth (doo_v1_) and refresh (dor_v1_) tokens: the prefix and 64 hex digits.',
  why: 'A write token creates and destroys droplets, databases and Spaces buckets of the team — the pipeline\'s whole infrastructure.',
  remediation: 'Revoke the token in the control panel (API → Tokens) and supply the new one from a secret store.',
  anchors: ['dop_v1_', 'doo_v1_', 'dor_v1_'],
  pattern: token('do[por]_v1_[a-f0-9]{64}'),
  bad: [{ file: 'infra/terraform.tfvars', code: 'do_token = "dop_v1_f8506fee098352a0896cb6eb8683f4e13718c40379463d630c574df65ac72389"\n' }],
  good: [{ file: 'infra/provider.tf', code: 'provider "digitalocean" {}  # token from DIGITALOCEAN_TOKEN\n' }],
  references: ['https://docs.digitalocean.com/reference/api/create-personal-access-token/', 'https://cwe.mitre.org/data/definitions/798.html'],
});
