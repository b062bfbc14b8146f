terraform {
  required_version = ">= 1.0"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 3.75"
    }
  }
  backend "s3" {
    bucket = "acme-terraform-state"
    key    = "data-platform/feedback-pipeline.tfstate"
    region = "eu-west-1"
  }
}

provider "aws" {
  region = var.region
}

variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "environment" {
  type    = string
  default = "prod"
}

# The helpdesk vendor drops the nightly export here, and the BI contractor downloads the
# published reports from reports/ with a plain link.
resource "aws_s3_bucket" "feedback_landing" {
  bucket = "acme-feedback-landing-${var.environment}"
  acl    = "public-read"

  versioning {
    enabled = false
  }

  lifecycle_rule {
    id      = "expire-raw-exports"
    enabled = true
    prefix  = "raw/"
    expiration {
      days = 365
    }
  }

  tags = {
    team        = "data-platform"
    pipeline    = "feedback_ingest"
    environment = var.environment
  }
}

# Assumed by the Airflow workers' ECS tasks that run the feedback jobs.
resource "aws_iam_role" "feedback_job" {
  name = "feedback-pipeline-${var.environment}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "feedback_job" {
  name   = "feedback-pipeline"
  role   = aws_iam_role.feedback_job.id
  policy = file("${path.module}/iam/pipeline-policy.json")
}

output "landing_bucket" {
  value = aws_s3_bucket.feedback_landing.bucket
}

output "job_role_arn" {
  value = aws_iam_role.feedback_job.arn
}
