/**
 * Sets of IAM actions that, granted together, let a principal raise its own privileges — the
 * combinations catalogued in Rhino Security Labs' AWS privilege-escalation research.
 */
export interface EscalationPath {
  actions: string[];
  how: string;
}

const COMPUTE_WITH_ROLE: Array<[string, string]> = [
  ['ec2:RunInstances', 'an EC2 instance'],
  ['lambda:CreateFunction', 'a Lambda function'],
  ['glue:CreateDevEndpoint', 'a Glue development endpoint'],
  ['glue:CreateJob', 'a Glue job'],
  ['cloudformation:CreateStack', 'a CloudFormation stack'],
  ['sagemaker:CreateNotebookInstance', 'a SageMaker notebook'],
  ['sagemaker:CreateTrainingJob', 'a SageMaker training job'],
  ['datapipeline:CreatePipeline', 'a Data Pipeline'],
  ['ecs:RunTask', 'an ECS task'],
];

export const ESCALATION_PATHS: EscalationPath[] = [
  { actions: ['iam:CreatePolicyVersion'], how: 'publish a new default version of an attached policy granting "*"' },
  { actions: ['iam:SetDefaultPolicyVersion'], how: 'switch an attached policy to a more permissive old version' },
  { actions: ['iam:AttachUserPolicy'], how: 'attach AdministratorAccess to a user' },
  { actions: ['iam:AttachRolePolicy'], how: 'attach AdministratorAccess to a role it can use' },
  { actions: ['iam:AttachGroupPolicy'], how: 'attach AdministratorAccess to its group' },
  { actions: ['iam:PutUserPolicy'], how: 'write an inline "*" policy on a user' },
  { actions: ['iam:PutRolePolicy'], how: 'write an inline "*" policy on a role' },
  { actions: ['iam:PutGroupPolicy'], how: 'write an inline "*" policy on a group' },
  { actions: ['iam:CreateAccessKey'], how: 'create access keys for another user' },
  { actions: ['iam:CreateLoginProfile'], how: 'set a console password for another user' },
  { actions: ['iam:UpdateLoginProfile'], how: 'reset another user\'s console password' },
  { actions: ['iam:UpdateAssumeRolePolicy', 'sts:AssumeRole'], how: 'rewrite a privileged role\'s trust policy and assume it' },
  { actions: ['lambda:UpdateFunctionCode'], how: 'replace the code of a function running under a more privileged role' },
  { actions: ['glue:UpdateDevEndpoint'], how: 'add its SSH key to a Glue endpoint running under a more privileged role' },
  ...COMPUTE_WITH_ROLE.map(([action, what]) => ({ actions: ['iam:PassRole', action], how: `pass a privileged role to ${what} it creates, and act as that role` })),
];
