/** Example resources the rules of this service share in their docs. */
export const NOTEBOOK = 'resource "aws_sagemaker_notebook_instance" "lab" {\n  name          = "lab"\n  instance_type = "ml.t3.medium"\n  role_arn      = aws_iam_role.lab.arn\n';
export const HARDENED = `${NOTEBOOK}  kms_key_id             = aws_kms_key.data.id\n  root_access            = "Disabled"\n  direct_internet_access = "Disabled"\n  subnet_id              = aws_subnet.private.id\n}\n`;
