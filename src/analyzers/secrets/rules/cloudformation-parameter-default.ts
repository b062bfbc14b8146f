import { secretRule } from '../secret-rule.js';

export const cloudformationParameterDefault = secretRule({
  id: 'secret.cloudformation-parameter-default',
  title: 'CloudFormation parameter for a secret with a literal default',
  severity: 'high',
  cwe: ['CWE-798', 'CWE-259'],
  specificity: 'structure',
  what: 'Finds CloudFormation (YAML) parameters named like a secret (…Password, …Secret, …Token, …ApiKey) whose Default is a literal value.',
  why: 'The default ships inside the template to everyone who can read it or the stack (DescribeStacks shows defaults unless NoEcho), and is used whenever nobody overrides it.',
  remediation: 'Drop the Default, resolve the value with a dynamic reference ({{resolve:secretsmanager:…}}) or generate it with AWS::SecretsManager::Secret, and rotate the exposed one.',
  anchors: ['default:'],
  pattern: /^(?<indent>[ \t]+)\w*(?:Password|Passwd|Secret|Token|ApiKey|PrivateKey)\w*:[ \t]*\r?\n(?:\k<indent>[ \t]+[^\n]*\n){0,10}?\k<indent>[ \t]+Default:[ \t]*["']?(?<secret>[^"'\s#{}]{6,})/m,
  verify: ({ text }) => (/AWSTemplateFormatVersion|^Parameters:/m.test(text) ? undefined : { reject: true }),
  bad: [
    {
      file: 'cfn/warehouse.yaml',
      code: "AWSTemplateFormatVersion: '2010-09-09'\nParameters:\n  MasterUserPassword:\n    Type: String\n    NoEcho: true\n    Default: Cfn-M4sterPw\n",
    },
  ],
  good: [
    {
      file: 'cfn/warehouse.yaml',
      code: "AWSTemplateFormatVersion: '2010-09-09'\nParameters:\n  MasterUserPassword:\n    Type: String\n    NoEcho: true\nResources:\n  Cluster:\n    Properties:\n      MasterUserPassword: '{{resolve:secretsmanager:warehouse/master:SecretString:password}}'\n",
    },
  ],
  references: ['https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html', 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references.html', 'https://cwe.mitre.org/data/definitions/259.html'],
});
