import type { RuleMeta } from '../../core/rule.js';

export const publicIngestCodeExecution: RuleMeta = {
  id: 'attack.public-ingest-code-execution',
  title: 'Attack path: anyone can plant data that a job executes, under a broad role',
  category: 'iam',
  severity: 'critical',
  confidence: 'high',
  cwe: ['CWE-502', 'CWE-94', 'CWE-732', 'CWE-269'],
  what:
    'Joins three findings into one path. (1) A Python job reads from s3://BUCKET/… and its data reaches a sink that ' +
    'runs it: deserialisation (pickle, joblib, torch.load, …), eval/exec or a shell command. (2) Terraform or ' +
    'CloudFormation makes BUCKET writable by anyone — a public-read-write ACL or a bucket policy allowing ' +
    's3:PutObject to Principal "*" without a condition — and no public access block neutralises it. (3) An identity ' +
    'policy in the repository allows S3 writes (s3:*, s3:PutObject, …) on every resource or on that bucket. All three ' +
    'are named, file and line, in the message and the trace. With (1) and (2) but no such grant it is reported at ' +
    'high: the code still runs, with less to reach.',
  why:
    'Each part alone is one more line in a long report. Together they are a working attack: upload a crafted pickle to ' +
    'the public bucket, wait for the schedule, and the job runs it with a role that can read, overwrite or delete every ' +
    'dataset in the account. Fixing any one link breaks the path; the ingest is the cheapest to fix.',
  remediation:
    'Break the path at any link, best at all three: make the bucket private (drop the public ACL or policy statement, ' +
    'add a public access block), stop executing what the job reads (parse a data format — Parquet, CSV, JSON — instead ' +
    'of unpickling; never pass read data to eval or a shell), and scope the role to the prefixes the job uses ' +
    '(`pipewarden iam suggest`).',
  // The examples are one tree each: the rule reads them together, as three files of one repository.
  bad: [
    {
      file: 'infra/buckets.tf',
      code: 'resource "aws_s3_bucket" "landing" {\n  bucket = "acme-landing"\n}\nresource "aws_s3_bucket_acl" "landing" {\n  bucket = aws_s3_bucket.landing.id\n  acl    = "public-read-write"\n}\n',
    },
    {
      file: 'infra/iam.tf',
      code: 'resource "aws_iam_role_policy" "ingest" {\n  role   = "ingest"\n  policy = jsonencode({\n    Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "*" }]\n  })\n}\n',
    },
    {
      file: 'jobs/ingest.py',
      code: 'import pickle\nimport boto3\n\nobj = boto3.client("s3").get_object(Bucket="acme-landing", Key="uploads/batch.pkl")\nbatch = pickle.loads(obj["Body"].read())\n',
    },
  ],
  good: [
    {
      file: 'infra/buckets.tf',
      code:
        'resource "aws_s3_bucket" "landing" {\n  bucket = "acme-landing"\n}\nresource "aws_s3_bucket_public_access_block" "landing" {\n  bucket                  = aws_s3_bucket.landing.id\n' +
        '  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n',
    },
    {
      file: 'infra/iam.tf',
      code: 'resource "aws_iam_role_policy" "ingest" {\n  role   = "ingest"\n  policy = jsonencode({\n    Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::acme-landing/uploads/*" }]\n  })\n}\n',
    },
    {
      file: 'jobs/ingest.py',
      code: 'import io\nimport boto3\nimport pandas as pd\n\nobj = boto3.client("s3").get_object(Bucket="acme-landing", Key="uploads/batch.parquet")\nbatch = pd.read_parquet(io.BytesIO(obj["Body"].read()))\n',
    },
  ],
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
    'https://docs.python.org/3/library/pickle.html',
    'https://cwe.mitre.org/data/definitions/502.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
  ],
};
