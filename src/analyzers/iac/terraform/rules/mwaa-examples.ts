/** Example resources the rules of this service share in their docs. */
export const ENV = 'resource "aws_mwaa_environment" "airflow" {\n  name               = "pipeline"\n  execution_role_arn = aws_iam_role.airflow.arn\n  source_bucket_arn  = aws_s3_bucket.dags.arn\n  dag_s3_path        = "dags/"\n';
