import { secretRule } from '../secret-rule.js';

export const terraformVariableDefault = secretRule({
  id: 'secret.terraform-variable-default',
  title: 'Terraform variable for a secret with a literal default',
  severity: 'high',
  cwe: ['CWE-798', 'CWE-259'],
  specificity: 'structure',
  what: 'Finds Terraform `variable` blocks named like a secret (password, secret, token, api_key, private_key) whose `default` is a literal string.',
  why: 'The default is used whenever no value is passed, so the "real" credential lives in the module, in every plan output and in the state file.',
  remediation: 'Remove the default (make the variable required and `sensitive = true`), pass the value from a secret store or TF_VAR_ environment variable, and rotate the exposed one.',
  anchors: ['variable'],
  pattern: /variable\s+"[^"\n]*(?:password|passwd|secret|token|api_?key|private_?key)[^"\n]*"\s*\{[^}]{0,1000}?\bdefault\s*=\s*"(?<secret>[^"$\n]{6,})"/i,
  bad: [{ file: 'infra/variables.tf', code: 'variable "warehouse_password" {\n  type    = string\n  default = "Tf-W4rehouse-Pw"\n}\n' }],
  good: [{ file: 'infra/variables.tf', code: 'variable "warehouse_password" {\n  type      = string\n  sensitive = true\n}\n' }],
  references: ['https://developer.hashicorp.com/terraform/language/values/variables#suppressing-values-in-cli-output', 'https://cwe.mitre.org/data/definitions/259.html'],
});
