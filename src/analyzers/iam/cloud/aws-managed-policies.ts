/** One statement of an AWS managed policy: Allow, on every resource, without a condition, unless it says otherwise. */
export interface ManagedStatement {
  effect?: 'Deny';
  actions?: readonly string[];
  notActions?: readonly string[];
  resources?: readonly string[];
  notResources?: readonly string[];
  condition?: true;
}

/**
 * The statements of AWS managed policies that grant whole services, the account, or reads of
 * every bucket or table, by their path after `arn:aws:iam::aws:policy/`, at the version noted (AWS's
 * published policy documents, as of November 2026). Policies AWS services need as their own
 * baseline — Lambda's logging role, the Glue, EMR and ECS service roles, the EKS cluster policy —
 * are left out: attaching them is no finding.
 */
export const AWS_MANAGED_POLICIES: Readonly<Record<string, { version: string; statements: readonly ManagedStatement[] }>> = {
  AdministratorAccess: {
    version: 'v1',
    statements: [
      { actions: ['*'] },
    ],
  },
  PowerUserAccess: {
    version: 'v12',
    statements: [
      { notActions: ['iam:*', 'organizations:*', 'account:*'] },
      { actions: ['account:GetAccountInformation', 'account:GetGovCloudAccountInformation', 'account:GetPrimaryEmail', 'account:ListRegions', 'iam:CreateServiceLinkedRole', 'iam:DeleteServiceLinkedRole', 'iam:ListRoles', 'organizations:DescribeEffectivePolicy', 'organizations:DescribeOrganization'] },
    ],
  },
  IAMFullAccess: {
    version: 'v2',
    statements: [
      { actions: ['iam:*', 'organizations:DescribeAccount', 'organizations:DescribeOrganization', 'organizations:DescribeOrganizationalUnit', 'organizations:DescribePolicy', 'organizations:ListChildren', 'organizations:ListParents', 'organizations:ListPoliciesForTarget', 'organizations:ListRoots', 'organizations:ListPolicies', 'organizations:ListTargetsForPolicy'] },
    ],
  },
  AmazonS3FullAccess: {
    version: 'v2',
    statements: [
      { actions: ['s3:*', 's3-object-lambda:*'] },
    ],
  },
  AmazonS3ReadOnlyAccess: {
    version: 'v3',
    statements: [
      { actions: ['s3:Get*', 's3:List*', 's3:Describe*', 's3-object-lambda:Get*', 's3-object-lambda:List*'] },
    ],
  },
  AmazonDynamoDBFullAccess: {
    version: 'v15',
    statements: [
      { actions: ['dynamodb:*', 'dax:*', 'application-autoscaling:DeleteScalingPolicy', 'application-autoscaling:DeregisterScalableTarget', 'application-autoscaling:DescribeScalableTargets', 'application-autoscaling:DescribeScalingActivities', 'application-autoscaling:DescribeScalingPolicies', 'application-autoscaling:PutScalingPolicy', 'application-autoscaling:RegisterScalableTarget', 'cloudwatch:DeleteAlarms', 'cloudwatch:DescribeAlarmHistory', 'cloudwatch:DescribeAlarms', 'cloudwatch:DescribeAlarmsForMetric', 'cloudwatch:GetMetricStatistics', 'cloudwatch:ListMetrics', 'cloudwatch:PutMetricAlarm', 'cloudwatch:GetMetricData', 'datapipeline:ActivatePipeline', 'datapipeline:CreatePipeline', 'datapipeline:DeletePipeline', 'datapipeline:DescribeObjects', 'datapipeline:DescribePipelines', 'datapipeline:GetPipelineDefinition', 'datapipeline:ListPipelines', 'datapipeline:PutPipelineDefinition', 'datapipeline:QueryObjects', 'ec2:DescribeVpcs', 'ec2:DescribeSubnets', 'ec2:DescribeSecurityGroups', 'iam:GetRole', 'iam:ListRoles', 'kms:DescribeKey', 'kms:ListAliases', 'sns:CreateTopic', 'sns:DeleteTopic', 'sns:ListSubscriptions', 'sns:ListSubscriptionsByTopic', 'sns:ListTopics', 'sns:Subscribe', 'sns:Unsubscribe', 'sns:SetTopicAttributes', 'lambda:CreateFunction', 'lambda:ListFunctions', 'lambda:ListEventSourceMappings', 'lambda:CreateEventSourceMapping', 'lambda:DeleteEventSourceMapping', 'lambda:GetFunctionConfiguration', 'lambda:DeleteFunction', 'resource-groups:ListGroups', 'resource-groups:ListGroupResources', 'resource-groups:GetGroup', 'resource-groups:GetGroupQuery', 'resource-groups:DeleteGroup', 'resource-groups:CreateGroup', 'tag:GetResources', 'kinesis:ListStreams', 'kinesis:DescribeStream', 'kinesis:DescribeStreamSummary'] },
      { actions: ['cloudwatch:GetInsightRuleReport'], resources: ['arn:aws:cloudwatch:*:*:insight-rule/DynamoDBContributorInsights*'] },
      { actions: ['iam:PassRole'], condition: true },
      { actions: ['iam:CreateServiceLinkedRole'], condition: true },
    ],
  },
  AmazonDynamoDBReadOnlyAccess: {
    version: 'v14',
    statements: [
      { actions: ['application-autoscaling:DescribeScalableTargets', 'application-autoscaling:DescribeScalingActivities', 'application-autoscaling:DescribeScalingPolicies', 'cloudwatch:DescribeAlarmHistory', 'cloudwatch:DescribeAlarms', 'cloudwatch:DescribeAlarmsForMetric', 'cloudwatch:GetMetricStatistics', 'cloudwatch:ListMetrics', 'cloudwatch:GetMetricData', 'datapipeline:DescribeObjects', 'datapipeline:DescribePipelines', 'datapipeline:GetPipelineDefinition', 'datapipeline:ListPipelines', 'datapipeline:QueryObjects', 'dynamodb:BatchGetItem', 'dynamodb:Describe*', 'dynamodb:List*', 'dynamodb:GetItem', 'dynamodb:GetResourcePolicy', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:PartiQLSelect', 'dax:Describe*', 'dax:List*', 'dax:GetItem', 'dax:BatchGetItem', 'dax:Query', 'dax:Scan', 'ec2:DescribeVpcs', 'ec2:DescribeSubnets', 'ec2:DescribeSecurityGroups', 'iam:GetRole', 'iam:ListRoles', 'kms:DescribeKey', 'kms:ListAliases', 'sns:ListSubscriptionsByTopic', 'sns:ListTopics', 'lambda:ListFunctions', 'lambda:ListEventSourceMappings', 'lambda:GetFunctionConfiguration', 'resource-groups:ListGroups', 'resource-groups:ListGroupResources', 'resource-groups:GetGroup', 'resource-groups:GetGroupQuery', 'tag:GetResources', 'kinesis:ListStreams', 'kinesis:DescribeStream', 'kinesis:DescribeStreamSummary'] },
      { actions: ['cloudwatch:GetInsightRuleReport'], resources: ['arn:aws:cloudwatch:*:*:insight-rule/DynamoDBContributorInsights*'] },
    ],
  },
  AmazonRDSFullAccess: {
    version: 'v14',
    statements: [
      { actions: ['rds:*', 'application-autoscaling:DeleteScalingPolicy', 'application-autoscaling:DeregisterScalableTarget', 'application-autoscaling:DescribeScalableTargets', 'application-autoscaling:DescribeScalingActivities', 'application-autoscaling:DescribeScalingPolicies', 'application-autoscaling:PutScalingPolicy', 'application-autoscaling:RegisterScalableTarget', 'cloudwatch:DescribeAlarms', 'cloudwatch:GetMetricStatistics', 'cloudwatch:PutMetricAlarm', 'cloudwatch:DeleteAlarms', 'cloudwatch:ListMetrics', 'cloudwatch:GetMetricData', 'ec2:DescribeAccountAttributes', 'ec2:DescribeAvailabilityZones', 'ec2:DescribeCoipPools', 'ec2:DescribeInternetGateways', 'ec2:DescribeLocalGatewayRouteTablePermissions', 'ec2:DescribeLocalGatewayRouteTables', 'ec2:DescribeLocalGatewayRouteTableVpcAssociations', 'ec2:DescribeLocalGateways', 'ec2:DescribeSecurityGroups', 'ec2:DescribeSubnets', 'ec2:DescribeVpcAttribute', 'ec2:DescribeVpcs', 'ec2:GetCoipPoolUsage', 'sns:ListSubscriptions', 'sns:ListTopics', 'sns:Publish', 'logs:DescribeLogStreams', 'logs:GetLogEvents', 'outposts:GetOutpostInstanceTypes', 'devops-guru:GetResourceCollection'] },
      { actions: ['pi:*'], resources: ['arn:aws:pi:*:*:metrics/rds/*', 'arn:aws:pi:*:*:perf-reports/rds/*'] },
      { actions: ['iam:CreateServiceLinkedRole'], condition: true },
      { actions: ['devops-guru:SearchInsights', 'devops-guru:ListAnomaliesForInsight'], condition: true },
    ],
  },
  AmazonRedshiftFullAccess: {
    version: 'v5',
    statements: [
      { actions: ['redshift:*', 'redshift-serverless:*', 'ec2:DescribeAccountAttributes', 'ec2:DescribeAddresses', 'ec2:DescribeAvailabilityZones', 'ec2:DescribeSecurityGroups', 'ec2:DescribeSubnets', 'ec2:DescribeVpcs', 'ec2:DescribeInternetGateways', 'sns:CreateTopic', 'sns:Get*', 'sns:List*', 'cloudwatch:Describe*', 'cloudwatch:Get*', 'cloudwatch:List*', 'cloudwatch:PutMetricAlarm', 'cloudwatch:EnableAlarmActions', 'cloudwatch:DisableAlarmActions', 'tag:GetResources', 'tag:UntagResources', 'tag:GetTagValues', 'tag:GetTagKeys', 'tag:TagResources'] },
      { actions: ['iam:CreateServiceLinkedRole'], resources: ['arn:aws:iam::*:role/aws-service-role/redshift.amazonaws.com/AWSServiceRoleForRedshift'], condition: true },
      { actions: ['redshift-data:ExecuteStatement', 'redshift-data:CancelStatement', 'redshift-data:ListStatements', 'redshift-data:GetStatementResult', 'redshift-data:DescribeStatement', 'redshift-data:ListDatabases', 'redshift-data:ListSchemas', 'redshift-data:ListTables', 'redshift-data:DescribeTable'] },
      { actions: ['secretsmanager:ListSecrets'] },
      { actions: ['secretsmanager:CreateSecret', 'secretsmanager:GetSecretValue', 'secretsmanager:TagResource'], condition: true },
    ],
  },
  AmazonKinesisFullAccess: {
    version: 'v1',
    statements: [
      { actions: ['kinesis:*'] },
    ],
  },
  AmazonKinesisFirehoseFullAccess: {
    version: 'v1',
    statements: [
      { actions: ['firehose:*'] },
    ],
  },
  AmazonSQSFullAccess: {
    version: 'v1',
    statements: [
      { actions: ['sqs:*'] },
    ],
  },
  AmazonSNSFullAccess: {
    version: 'v1',
    statements: [
      { actions: ['sns:*'] },
    ],
  },
  AWSGlueConsoleFullAccess: {
    version: 'v14',
    statements: [
      { actions: ['glue:*', 'redshift:DescribeClusters', 'redshift:DescribeClusterSubnetGroups', 'iam:ListRoles', 'iam:ListUsers', 'iam:ListGroups', 'iam:ListRolePolicies', 'iam:GetRole', 'iam:GetRolePolicy', 'iam:ListAttachedRolePolicies', 'ec2:DescribeSecurityGroups', 'ec2:DescribeSubnets', 'ec2:DescribeVpcs', 'ec2:DescribeVpcEndpoints', 'ec2:DescribeRouteTables', 'ec2:DescribeVpcAttribute', 'ec2:DescribeKeyPairs', 'ec2:DescribeInstances', 'ec2:DescribeImages', 'rds:DescribeDBInstances', 'rds:DescribeDBClusters', 'rds:DescribeDBSubnetGroups', 's3:ListAllMyBuckets', 's3:ListBucket', 's3:GetBucketAcl', 's3:GetBucketLocation', 'cloudformation:ListStacks', 'cloudformation:DescribeStacks', 'cloudformation:GetTemplateSummary', 'dynamodb:ListTables', 'kms:ListAliases', 'kms:DescribeKey', 'cloudwatch:GetMetricData', 'cloudwatch:ListDashboards', 'databrew:ListRecipes', 'databrew:ListRecipeVersions', 'databrew:DescribeRecipe'] },
      { actions: ['s3:GetObject', 's3:PutObject'], resources: ['arn:aws:s3:::aws-glue-*/*', 'arn:aws:s3:::*/*aws-glue-*/*', 'arn:aws:s3:::aws-glue-*'] },
      { actions: ['tag:GetResources'] },
      { actions: ['s3:CreateBucket'], resources: ['arn:aws:s3:::aws-glue-*'] },
      { actions: ['logs:GetLogEvents'], resources: ['arn:aws:logs:*:*:/aws-glue/*'] },
      { actions: ['cloudformation:CreateStack', 'cloudformation:DeleteStack'], resources: ['arn:aws:cloudformation:*:*:stack/aws-glue*/*'] },
      { actions: ['ec2:RunInstances'], resources: ['arn:aws:ec2:*:*:instance/*', 'arn:aws:ec2:*:*:key-pair/*', 'arn:aws:ec2:*:*:image/*', 'arn:aws:ec2:*:*:security-group/*', 'arn:aws:ec2:*:*:network-interface/*', 'arn:aws:ec2:*:*:subnet/*', 'arn:aws:ec2:*:*:volume/*'] },
      { actions: ['ec2:TerminateInstances', 'ec2:CreateTags', 'ec2:DeleteTags'], resources: ['arn:aws:ec2:*:*:instance/*'], condition: true },
      { actions: ['iam:PassRole'], resources: ['arn:aws:iam::*:role/AWSGlueServiceRole*'], condition: true },
      { actions: ['iam:PassRole'], resources: ['arn:aws:iam::*:role/AWSGlueServiceNotebookRole*'], condition: true },
      { actions: ['iam:PassRole'], resources: ['arn:aws:iam::*:role/service-role/AWSGlueServiceRole*'], condition: true },
    ],
  },
  AmazonAthenaFullAccess: {
    version: 'v11',
    statements: [
      { actions: ['athena:*'] },
      { actions: ['glue:CreateDatabase', 'glue:DeleteDatabase', 'glue:GetDatabase', 'glue:GetDatabases', 'glue:UpdateDatabase', 'glue:CreateTable', 'glue:DeleteTable', 'glue:BatchDeleteTable', 'glue:UpdateTable', 'glue:GetTable', 'glue:GetTables', 'glue:BatchCreatePartition', 'glue:CreatePartition', 'glue:DeletePartition', 'glue:BatchDeletePartition', 'glue:UpdatePartition', 'glue:GetPartition', 'glue:GetPartitions', 'glue:BatchGetPartition', 'glue:StartColumnStatisticsTaskRun', 'glue:GetColumnStatisticsTaskRun', 'glue:GetColumnStatisticsTaskRuns'] },
      { actions: ['s3:GetBucketLocation', 's3:GetObject', 's3:ListBucket', 's3:ListBucketMultipartUploads', 's3:ListMultipartUploadParts', 's3:AbortMultipartUpload', 's3:CreateBucket', 's3:PutObject', 's3:PutBucketPublicAccessBlock'], resources: ['arn:aws:s3:::aws-athena-query-results-*'] },
      { actions: ['s3:GetObject', 's3:ListBucket'], resources: ['arn:aws:s3:::athena-examples*'] },
      { actions: ['s3:ListBucket', 's3:GetBucketLocation', 's3:ListAllMyBuckets'] },
      { actions: ['sns:ListTopics', 'sns:GetTopicAttributes'] },
      { actions: ['cloudwatch:PutMetricAlarm', 'cloudwatch:DescribeAlarms', 'cloudwatch:DeleteAlarms', 'cloudwatch:GetMetricData'] },
      { actions: ['lakeformation:GetDataAccess'] },
      { actions: ['datazone:ListDomains', 'datazone:ListProjects', 'datazone:ListAccountEnvironments'] },
      { actions: ['pricing:GetProducts'] },
    ],
  },
  SecretsManagerReadWrite: {
    version: 'v6',
    statements: [
      { actions: ['secretsmanager:*', 'cloudformation:CreateChangeSet', 'cloudformation:DescribeChangeSet', 'cloudformation:DescribeStackResource', 'cloudformation:DescribeStacks', 'cloudformation:ExecuteChangeSet', 'docdb-elastic:GetCluster', 'docdb-elastic:ListClusters', 'ec2:DescribeSecurityGroups', 'ec2:DescribeSubnets', 'ec2:DescribeVpcs', 'kms:DescribeKey', 'kms:ListAliases', 'kms:ListKeys', 'lambda:ListFunctions', 'rds:DescribeDBClusters', 'rds:DescribeDBInstances', 'redshift:DescribeClusters', 'redshift-serverless:ListWorkgroups', 'redshift-serverless:GetNamespace', 'tag:GetResources'] },
      { actions: ['lambda:AddPermission', 'lambda:CreateFunction', 'lambda:GetFunction', 'lambda:InvokeFunction', 'lambda:UpdateFunctionConfiguration'], resources: ['arn:aws:lambda:*:*:function:SecretsManager*'] },
      { actions: ['serverlessrepo:CreateCloudFormationChangeSet', 'serverlessrepo:GetApplication'], resources: ['arn:aws:serverlessrepo:*:*:applications/SecretsManager*'] },
      { actions: ['s3:GetObject'], resources: ['arn:aws:s3:::awsserverlessrepo-changesets*', 'arn:aws:s3:::secrets-manager-rotation-apps-*/*'] },
      { actions: ['cloudformation:TagResource', 'cloudformation:UntagResource'], condition: true },
    ],
  },
  AWSLambda_FullAccess: {
    version: 'v5',
    statements: [
      { actions: ['cloudformation:DescribeStacks', 'cloudformation:ListStackResources', 'cloudwatch:ListMetrics', 'cloudwatch:GetMetricData', 'ec2:DescribeSecurityGroups', 'ec2:DescribeSubnets', 'ec2:DescribeVpcs', 'kms:DescribeKey', 'kms:ListAliases', 'iam:GetPolicy', 'iam:GetPolicyVersion', 'iam:GetRole', 'iam:GetRolePolicy', 'iam:ListAttachedRolePolicies', 'iam:ListRolePolicies', 'iam:ListRoles', 'lambda:*', 'logs:DescribeLogGroups', 'states:DescribeStateMachine', 'states:ListStateMachines', 'tag:GetResources', 'xray:GetTraceSummaries', 'xray:BatchGetTraces'] },
      { actions: ['iam:PassRole'], condition: true },
      { actions: ['logs:DescribeLogStreams', 'logs:GetLogEvents', 'logs:FilterLogEvents', 'logs:StartLiveTail', 'logs:StopLiveTail'], resources: ['arn:aws:logs:*:*:log-group:/aws/lambda/*'] },
      { actions: ['iam:CreateServiceLinkedRole'], resources: ['arn:aws:iam::*:role/aws-service-role/lambda.amazonaws.com/AWSServiceRoleForLambda'], condition: true },
    ],
  },
  AWSLambdaExecute: {
    version: 'v1',
    statements: [
      { actions: ['logs:*'], resources: ['arn:aws:logs:*:*:*'] },
      { actions: ['s3:GetObject', 's3:PutObject'], resources: ['arn:aws:s3:::*'] },
    ],
  },
  AmazonEC2FullAccess: {
    version: 'v5',
    statements: [
      { actions: ['ec2:*'] },
      { actions: ['elasticloadbalancing:*'] },
      { actions: ['cloudwatch:*'] },
      { actions: ['autoscaling:*'] },
      { actions: ['iam:CreateServiceLinkedRole'], condition: true },
    ],
  },
  AmazonSageMakerFullAccess: {
    version: 'v26',
    statements: [
      { actions: ['sagemaker:*', 'sagemaker-geospatial:*'], resources: [], notResources: ['arn:aws:sagemaker:*:*:domain/*', 'arn:aws:sagemaker:*:*:user-profile/*', 'arn:aws:sagemaker:*:*:app/*', 'arn:aws:sagemaker:*:*:space/*', 'arn:aws:sagemaker:*:*:flow-definition/*'] },
      { actions: ['sagemaker:AddTags'], resources: ['arn:aws:sagemaker:*:*:space/*'], condition: true },
      { actions: ['sagemaker:AddTags'], resources: ['arn:aws:sagemaker:*:*:app/*'] },
      { actions: ['sagemaker:CreatePresignedDomainUrl', 'sagemaker:DescribeDomain', 'sagemaker:ListDomains', 'sagemaker:DescribeUserProfile', 'sagemaker:ListUserProfiles', 'sagemaker:DescribeSpace', 'sagemaker:ListSpaces', 'sagemaker:DescribeApp', 'sagemaker:ListApps'] },
      { actions: ['sagemaker:CreateApp', 'sagemaker:DeleteApp'], resources: ['arn:aws:sagemaker:*:*:app/*/*/*/*'], condition: true },
      { actions: ['sagemaker:CreateApp', 'sagemaker:DeleteApp'], resources: ['arn:aws:sagemaker:*:*:app/${sagemaker:DomainId}/*/*/*'], condition: true },
      { actions: ['sagemaker:CreateSpace', 'sagemaker:UpdateSpace', 'sagemaker:DeleteSpace'], resources: ['arn:aws:sagemaker:*:*:space/${sagemaker:DomainId}/*'], condition: true },
      { actions: ['sagemaker:CreateSpace', 'sagemaker:UpdateSpace', 'sagemaker:DeleteSpace'], resources: ['arn:aws:sagemaker:*:*:space/${sagemaker:DomainId}/*'], condition: true },
      { actions: ['sagemaker:CreateApp', 'sagemaker:DeleteApp'], resources: ['arn:aws:sagemaker:*:*:app/${sagemaker:DomainId}/*/*/*'], condition: true },
      { actions: ['sagemaker:*'], resources: ['arn:aws:sagemaker:*:*:flow-definition/*'], condition: true },
      { actions: ['application-autoscaling:DeleteScalingPolicy', 'application-autoscaling:DeleteScheduledAction', 'application-autoscaling:DeregisterScalableTarget', 'application-autoscaling:DescribeScalableTargets', 'application-autoscaling:DescribeScalingActivities', 'application-autoscaling:DescribeScalingPolicies', 'application-autoscaling:DescribeScheduledActions', 'application-autoscaling:PutScalingPolicy', 'application-autoscaling:PutScheduledAction', 'application-autoscaling:RegisterScalableTarget', 'aws-marketplace:ViewSubscriptions', 'cloudformation:GetTemplateSummary', 'cloudwatch:DeleteAlarms', 'cloudwatch:DescribeAlarms', 'cloudwatch:GetMetricData', 'cloudwatch:GetMetricStatistics', 'cloudwatch:ListMetrics', 'cloudwatch:PutMetricAlarm', 'cloudwatch:PutMetricData', 'codecommit:BatchGetRepositories', 'codecommit:CreateRepository', 'codecommit:GetRepository', 'codecommit:List*', 'cognito-idp:AdminAddUserToGroup', 'cognito-idp:AdminCreateUser', 'cognito-idp:AdminDeleteUser', 'cognito-idp:AdminDisableUser', 'cognito-idp:AdminEnableUser', 'cognito-idp:AdminRemoveUserFromGroup', 'cognito-idp:CreateGroup', 'cognito-idp:CreateUserPool', 'cognito-idp:CreateUserPoolClient', 'cognito-idp:CreateUserPoolDomain', 'cognito-idp:DescribeUserPool', 'cognito-idp:DescribeUserPoolClient', 'cognito-idp:List*', 'cognito-idp:UpdateUserPool', 'cognito-idp:UpdateUserPoolClient', 'ec2:CreateNetworkInterface', 'ec2:CreateNetworkInterfacePermission', 'ec2:CreateVpcEndpoint', 'ec2:DeleteNetworkInterface', 'ec2:DeleteNetworkInterfacePermission', 'ec2:DescribeDhcpOptions', 'ec2:DescribeNetworkInterfaces', 'ec2:DescribeRouteTables', 'ec2:DescribeSecurityGroups', 'ec2:DescribeSubnets', 'ec2:DescribeVpcEndpoints', 'ec2:DescribeVpcs', 'ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:CreateRepository', 'ecr:Describe*', 'ecr:GetAuthorizationToken', 'ecr:GetDownloadUrlForLayer', 'ecr:StartImageScan', 'elastic-inference:Connect', 'elasticfilesystem:DescribeFileSystems', 'elasticfilesystem:DescribeMountTargets', 'fsx:DescribeFileSystems', 'glue:CreateJob', 'glue:DeleteJob', 'glue:GetJob*', 'glue:GetTable*', 'glue:GetWorkflowRun', 'glue:ResetJobBookmark', 'glue:StartJobRun', 'glue:StartWorkflowRun', 'glue:UpdateJob', 'groundtruthlabeling:*', 'iam:ListRoles', 'kms:DescribeKey', 'kms:ListAliases', 'lambda:ListFunctions', 'logs:CreateLogDelivery', 'logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:DeleteLogDelivery', 'logs:Describe*', 'logs:GetLogDelivery', 'logs:GetLogEvents', 'logs:ListLogDeliveries', 'logs:PutLogEvents', 'logs:PutResourcePolicy', 'logs:UpdateLogDelivery', 'robomaker:CreateSimulationApplication', 'robomaker:DescribeSimulationApplication', 'robomaker:DeleteSimulationApplication', 'robomaker:CreateSimulationJob', 'robomaker:DescribeSimulationJob', 'robomaker:CancelSimulationJob', 'secretsmanager:ListSecrets', 'servicecatalog:Describe*', 'servicecatalog:List*', 'servicecatalog:ScanProvisionedProducts', 'servicecatalog:SearchProducts', 'servicecatalog:SearchProvisionedProducts', 'sns:ListTopics', 'tag:GetResources'] },
      { actions: ['ecr:SetRepositoryPolicy', 'ecr:CompleteLayerUpload', 'ecr:BatchDeleteImage', 'ecr:UploadLayerPart', 'ecr:DeleteRepositoryPolicy', 'ecr:InitiateLayerUpload', 'ecr:DeleteRepository', 'ecr:PutImage'], resources: ['arn:aws:ecr:*:*:repository/*sagemaker*'] },
      { actions: ['codecommit:GitPull', 'codecommit:GitPush'], resources: ['arn:aws:codecommit:*:*:*sagemaker*', 'arn:aws:codecommit:*:*:*SageMaker*', 'arn:aws:codecommit:*:*:*Sagemaker*'] },
      { actions: ['codebuild:BatchGetBuilds', 'codebuild:StartBuild'], resources: ['arn:aws:codebuild:*:*:project/sagemaker*', 'arn:aws:codebuild:*:*:build/*'] },
      { actions: ['states:DescribeExecution', 'states:GetExecutionHistory', 'states:StartExecution', 'states:StopExecution', 'states:UpdateStateMachine'], resources: ['arn:aws:states:*:*:statemachine:*sagemaker*', 'arn:aws:states:*:*:execution:*sagemaker*:*'] },
      { actions: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue', 'secretsmanager:CreateSecret'], resources: ['arn:aws:secretsmanager:*:*:secret:AmazonSageMaker-*'] },
      { actions: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'], condition: true },
      { actions: ['servicecatalog:ProvisionProduct'] },
      { actions: ['servicecatalog:TerminateProvisionedProduct', 'servicecatalog:UpdateProvisionedProduct'], condition: true },
      { actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload'], resources: ['arn:aws:s3:::*SageMaker*', 'arn:aws:s3:::*Sagemaker*', 'arn:aws:s3:::*sagemaker*', 'arn:aws:s3:::*aws-glue*'] },
      { actions: ['s3:GetObject'], resources: ['arn:aws:s3:::*'], condition: true },
      { actions: ['s3:GetObject'], resources: ['arn:aws:s3:::*'], condition: true },
      { actions: ['s3:CreateBucket', 's3:GetBucketLocation', 's3:ListBucket', 's3:ListAllMyBuckets', 's3:GetBucketCors', 's3:PutBucketCors'] },
      { actions: ['s3:GetBucketAcl', 's3:PutObjectAcl'], resources: ['arn:aws:s3:::*SageMaker*', 'arn:aws:s3:::*Sagemaker*', 'arn:aws:s3:::*sagemaker*'] },
      { actions: ['lambda:InvokeFunction'], resources: ['arn:aws:lambda:*:*:function:*SageMaker*', 'arn:aws:lambda:*:*:function:*sagemaker*', 'arn:aws:lambda:*:*:function:*Sagemaker*', 'arn:aws:lambda:*:*:function:*LabelingFunction*'] },
      { actions: ['iam:CreateServiceLinkedRole'], resources: ['arn:aws:iam::*:role/aws-service-role/sagemaker.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_SageMakerEndpoint'], condition: true },
      { actions: ['iam:CreateServiceLinkedRole'], condition: true },
      { actions: ['sns:Subscribe', 'sns:CreateTopic', 'sns:Publish'], resources: ['arn:aws:sns:*:*:*SageMaker*', 'arn:aws:sns:*:*:*Sagemaker*', 'arn:aws:sns:*:*:*sagemaker*'] },
      { actions: ['iam:PassRole'], resources: ['arn:aws:iam::*:role/*AmazonSageMaker*'], condition: true },
      { actions: ['iam:PassRole'], resources: ['arn:aws:iam::*:role/*'], condition: true },
      { actions: ['athena:ListDataCatalogs', 'athena:ListDatabases', 'athena:ListTableMetadata', 'athena:GetQueryExecution', 'athena:GetQueryResults', 'athena:StartQueryExecution', 'athena:StopQueryExecution'] },
      { actions: ['glue:CreateTable'], resources: ['arn:aws:glue:*:*:table/*/sagemaker_tmp_*', 'arn:aws:glue:*:*:table/sagemaker_featurestore/*', 'arn:aws:glue:*:*:catalog', 'arn:aws:glue:*:*:database/*'] },
      { actions: ['glue:UpdateTable'], resources: ['arn:aws:glue:*:*:table/sagemaker_featurestore/*', 'arn:aws:glue:*:*:catalog', 'arn:aws:glue:*:*:database/sagemaker_featurestore'] },
      { actions: ['glue:DeleteTable'], resources: ['arn:aws:glue:*:*:table/*/sagemaker_tmp_*', 'arn:aws:glue:*:*:catalog', 'arn:aws:glue:*:*:database/*'] },
      { actions: ['glue:GetDatabases', 'glue:GetTable', 'glue:GetTables'], resources: ['arn:aws:glue:*:*:table/*', 'arn:aws:glue:*:*:catalog', 'arn:aws:glue:*:*:database/*'] },
      { actions: ['glue:CreateDatabase', 'glue:GetDatabase'], resources: ['arn:aws:glue:*:*:catalog', 'arn:aws:glue:*:*:database/sagemaker_featurestore', 'arn:aws:glue:*:*:database/sagemaker_processing', 'arn:aws:glue:*:*:database/default', 'arn:aws:glue:*:*:database/sagemaker_data_wrangler'] },
      { actions: ['redshift-data:ExecuteStatement', 'redshift-data:DescribeStatement', 'redshift-data:CancelStatement', 'redshift-data:GetStatementResult', 'redshift-data:ListSchemas', 'redshift-data:ListTables'] },
      { actions: ['redshift:GetClusterCredentials'], resources: ['arn:aws:redshift:*:*:dbuser:*/sagemaker_access*', 'arn:aws:redshift:*:*:dbname:*'] },
      { actions: ['sagemaker:ListTags'], resources: ['arn:aws:sagemaker:*:*:user-profile/*'] },
      { actions: ['cloudformation:ListStackResources'], resources: ['arn:aws:cloudformation:*:*:stack/SC-*'] },
      { actions: ['s3express:CreateSession'], resources: ['arn:aws:s3express:*:*:bucket/*SageMaker*', 'arn:aws:s3express:*:*:bucket/*Sagemaker*', 'arn:aws:s3express:*:*:bucket/*sagemaker*', 'arn:aws:s3express:*:*:bucket/*aws-glue*'], condition: true },
      { actions: ['s3express:CreateBucket'], resources: ['arn:aws:s3express:*:*:bucket/*SageMaker*', 'arn:aws:s3express:*:*:bucket/*Sagemaker*', 'arn:aws:s3express:*:*:bucket/*sagemaker*'], condition: true },
      { actions: ['s3express:ListAllMyDirectoryBuckets'] },
    ],
  },
  AmazonEMRFullAccessPolicy_v2: {
    version: 'v5',
    statements: [
      { actions: ['elasticmapreduce:RunJobFlow'], condition: true },
      { actions: ['elasticmapreduce:AddInstanceFleet', 'elasticmapreduce:AddInstanceGroups', 'elasticmapreduce:AddJobFlowSteps', 'elasticmapreduce:AddTags', 'elasticmapreduce:CancelSteps', 'elasticmapreduce:CreateEditor', 'elasticmapreduce:CreatePersistentAppUI', 'elasticmapreduce:CreateSecurityConfiguration', 'elasticmapreduce:DeleteEditor', 'elasticmapreduce:DeleteSecurityConfiguration', 'elasticmapreduce:DescribeCluster', 'elasticmapreduce:DescribeEditor', 'elasticmapreduce:DescribeJobFlows', 'elasticmapreduce:DescribePersistentAppUI', 'elasticmapreduce:DescribeSecurityConfiguration', 'elasticmapreduce:DescribeStep', 'elasticmapreduce:DescribeReleaseLabel', 'elasticmapreduce:GetBlockPublicAccessConfiguration', 'elasticmapreduce:GetManagedScalingPolicy', 'elasticmapreduce:GetAutoTerminationPolicy', 'elasticmapreduce:GetPersistentAppUIPresignedURL', 'elasticmapreduce:ListBootstrapActions', 'elasticmapreduce:ListClusters', 'elasticmapreduce:ListEditors', 'elasticmapreduce:ListInstanceFleets', 'elasticmapreduce:ListInstanceGroups', 'elasticmapreduce:ListInstances', 'elasticmapreduce:ListSecurityConfigurations', 'elasticmapreduce:ListSteps', 'elasticmapreduce:ListSupportedInstanceTypes', 'elasticmapreduce:ModifyCluster', 'elasticmapreduce:ModifyInstanceFleet', 'elasticmapreduce:ModifyInstanceGroups', 'elasticmapreduce:OpenEditorInConsole', 'elasticmapreduce:PutAutoScalingPolicy', 'elasticmapreduce:PutBlockPublicAccessConfiguration', 'elasticmapreduce:PutManagedScalingPolicy', 'elasticmapreduce:RemoveAutoScalingPolicy', 'elasticmapreduce:RemoveManagedScalingPolicy', 'elasticmapreduce:RemoveTags', 'elasticmapreduce:SetTerminationProtection', 'elasticmapreduce:StartEditor', 'elasticmapreduce:StopEditor', 'elasticmapreduce:TerminateJobFlows', 'elasticmapreduce:ViewEventsFromAllClustersInConsole'] },
      { actions: ['cloudwatch:GetMetricStatistics'] },
      { actions: ['iam:PassRole'], resources: ['arn:aws:iam::*:role/EMR_DefaultRole_V2'], condition: true },
      { actions: ['iam:PassRole'], resources: ['arn:aws:iam::*:role/EMR_EC2_DefaultRole'], condition: true },
      { actions: ['iam:PassRole'], resources: ['arn:aws:iam::*:role/EMR_AutoScaling_DefaultRole'], condition: true },
      { actions: ['iam:CreateServiceLinkedRole'], resources: ['arn:aws:iam::*:role/aws-service-role/elasticmapreduce.amazonaws.com*/AWSServiceRoleForEMRCleanup*'], condition: true },
      { actions: ['ec2:DescribeAccountAttributes', 'ec2:DescribeAvailabilityZones', 'ec2:DescribeImages', 'ec2:DescribeKeyPairs', 'ec2:DescribeNatGateways', 'ec2:DescribeRouteTables', 'ec2:DescribeSecurityGroups', 'ec2:DescribeSubnets', 'ec2:DescribeVpcs', 'ec2:DescribeVpcEndpoints', 's3:ListAllMyBuckets', 'iam:ListRoles'] },
    ],
  },
  AmazonMSKFullAccess: {
    version: 'v7',
    statements: [
      { actions: ['kafka:*', 'ec2:DescribeSubnets', 'ec2:DescribeVpcs', 'ec2:DescribeSecurityGroups', 'ec2:DescribeRouteTables', 'ec2:DescribeVpcEndpoints', 'ec2:DescribeVpcAttribute', 'kms:DescribeKey', 'kms:CreateGrant', 'logs:CreateLogDelivery', 'logs:GetLogDelivery', 'logs:UpdateLogDelivery', 'logs:DeleteLogDelivery', 'logs:ListLogDeliveries', 'logs:PutResourcePolicy', 'logs:DescribeResourcePolicies', 'logs:DescribeLogGroups', 'S3:GetBucketPolicy', 'firehose:TagDeliveryStream'] },
      { actions: ['ec2:CreateVpcEndpoint'], resources: ['arn:*:ec2:*:*:vpc/*', 'arn:*:ec2:*:*:subnet/*', 'arn:*:ec2:*:*:security-group/*'] },
      { actions: ['ec2:CreateVpcEndpoint'], resources: ['arn:*:ec2:*:*:vpc-endpoint/*'], condition: true },
      { actions: ['ec2:CreateTags'], resources: ['arn:*:ec2:*:*:vpc-endpoint/*'], condition: true },
      { actions: ['ec2:DeleteVpcEndpoints'], resources: ['arn:*:ec2:*:*:vpc-endpoint/*'], condition: true },
      { actions: ['iam:PassRole'], condition: true },
      { actions: ['iam:CreateServiceLinkedRole'], resources: ['arn:aws:iam::*:role/aws-service-role/kafka.amazonaws.com/AWSServiceRoleForKafka*'], condition: true },
      { actions: ['iam:CreateServiceLinkedRole'], resources: ['arn:aws:iam::*:role/aws-service-role/delivery.logs.amazonaws.com/AWSServiceRoleForLogDelivery*'], condition: true },
    ],
  },
  AWSStepFunctionsFullAccess: {
    version: 'v1',
    statements: [
      { actions: ['states:*'] },
    ],
  },
  CloudWatchLogsFullAccess: {
    version: 'v4',
    statements: [
      { actions: ['logs:*', 'cloudwatch:GenerateQuery', 'cloudwatch:GenerateQueryResultsSummary', 'observabilityadmin:GetS3TableIntegration', 'observabilityadmin:ListS3TableIntegrations', 'observabilityadmin:ListTelemetryPipelines'] },
    ],
  },
  AWSKeyManagementServicePowerUser: {
    version: 'v2',
    statements: [
      { actions: ['kms:CreateAlias', 'kms:CreateKey', 'kms:DeleteAlias', 'kms:Describe*', 'kms:GenerateRandom', 'kms:Get*', 'kms:List*', 'kms:TagResource', 'kms:UntagResource', 'iam:ListGroups', 'iam:ListRoles', 'iam:ListUsers'] },
    ],
  },
  AmazonEC2ContainerRegistryFullAccess: {
    version: 'v3',
    statements: [
      { actions: ['ecr:*', 'cloudtrail:LookupEvents'] },
      { actions: ['iam:CreateServiceLinkedRole'], condition: true },
    ],
  },
  AmazonSSMFullAccess: {
    version: 'v4',
    statements: [
      { actions: ['cloudwatch:PutMetricData', 'ds:CreateComputer', 'ds:DescribeDirectories', 'ec2:DescribeInstanceStatus', 'logs:*', 'ssm:*', 'ec2messages:*'] },
      { actions: ['iam:CreateServiceLinkedRole'], resources: ['arn:aws:iam::*:role/aws-service-role/ssm.amazonaws.com/AWSServiceRoleForAmazonSSM*'], condition: true },
      { actions: ['iam:DeleteServiceLinkedRole', 'iam:GetServiceLinkedRoleDeletionStatus'], resources: ['arn:aws:iam::*:role/aws-service-role/ssm.amazonaws.com/AWSServiceRoleForAmazonSSM*'] },
      { actions: ['ssmmessages:CreateControlChannel', 'ssmmessages:CreateDataChannel', 'ssmmessages:OpenControlChannel', 'ssmmessages:OpenDataChannel'] },
    ],
  },
  AWSCloudFormationFullAccess: {
    version: 'v1',
    statements: [
      { actions: ['cloudformation:*'] },
    ],
  },
  AmazonECS_FullAccess: {
    version: 'v20',
    statements: [
      { actions: ['application-autoscaling:DeleteScalingPolicy', 'application-autoscaling:DeregisterScalableTarget', 'application-autoscaling:DescribeScalableTargets', 'application-autoscaling:DescribeScalingActivities', 'application-autoscaling:DescribeScalingPolicies', 'application-autoscaling:PutScalingPolicy', 'application-autoscaling:RegisterScalableTarget', 'appmesh:DescribeVirtualGateway', 'appmesh:DescribeVirtualNode', 'appmesh:ListMeshes', 'appmesh:ListVirtualGateways', 'appmesh:ListVirtualNodes', 'autoscaling:CreateAutoScalingGroup', 'autoscaling:CreateLaunchConfiguration', 'autoscaling:DeleteAutoScalingGroup', 'autoscaling:DeleteLaunchConfiguration', 'autoscaling:Describe*', 'autoscaling:UpdateAutoScalingGroup', 'cloudformation:CreateStack', 'cloudformation:DeleteStack', 'cloudformation:DescribeStack*', 'cloudformation:UpdateStack', 'cloudwatch:DeleteAlarms', 'cloudwatch:DescribeAlarms', 'cloudwatch:GetMetricStatistics', 'cloudwatch:PutMetricAlarm', 'codedeploy:BatchGetApplicationRevisions', 'codedeploy:BatchGetApplications', 'codedeploy:BatchGetDeploymentGroups', 'codedeploy:BatchGetDeployments', 'codedeploy:ContinueDeployment', 'codedeploy:CreateApplication', 'codedeploy:CreateDeployment', 'codedeploy:CreateDeploymentGroup', 'codedeploy:GetApplication', 'codedeploy:GetApplicationRevision', 'codedeploy:GetDeployment', 'codedeploy:GetDeploymentConfig', 'codedeploy:GetDeploymentGroup', 'codedeploy:GetDeploymentTarget', 'codedeploy:ListApplicationRevisions', 'codedeploy:ListApplications', 'codedeploy:ListDeploymentConfigs', 'codedeploy:ListDeploymentGroups', 'codedeploy:ListDeployments', 'codedeploy:ListDeploymentTargets', 'codedeploy:RegisterApplicationRevision', 'codedeploy:StopDeployment', 'ec2:AssociateRouteTable', 'ec2:AttachInternetGateway', 'ec2:AuthorizeSecurityGroupIngress', 'ec2:CancelSpotFleetRequests', 'ec2:CreateInternetGateway', 'ec2:CreateLaunchTemplate', 'ec2:CreateRoute', 'ec2:CreateRouteTable', 'ec2:CreateSecurityGroup', 'ec2:CreateSubnet', 'ec2:CreateVpc', 'ec2:DeleteLaunchTemplate', 'ec2:DeleteSubnet', 'ec2:DeleteVpc', 'ec2:Describe*', 'ec2:DetachInternetGateway', 'ec2:DisassociateRouteTable', 'ec2:ModifySubnetAttribute', 'ec2:ModifyVpcAttribute', 'ec2:RequestSpotFleet', 'ec2:RunInstances', 'ecs:*', 'elasticfilesystem:DescribeAccessPoints', 'elasticfilesystem:DescribeFileSystems', 'elasticloadbalancing:CreateListener', 'elasticloadbalancing:CreateLoadBalancer', 'elasticloadbalancing:CreateRule', 'elasticloadbalancing:CreateTargetGroup', 'elasticloadbalancing:DeleteListener', 'elasticloadbalancing:DeleteLoadBalancer', 'elasticloadbalancing:DeleteRule', 'elasticloadbalancing:DeleteTargetGroup', 'elasticloadbalancing:DescribeListeners', 'elasticloadbalancing:DescribeLoadBalancers', 'elasticloadbalancing:DescribeRules', 'elasticloadbalancing:DescribeTargetGroups', 'events:DeleteRule', 'events:DescribeRule', 'events:ListRuleNamesByTarget', 'events:ListTargetsByRule', 'events:PutRule', 'events:PutTargets', 'events:RemoveTargets', 'fsx:DescribeFileSystems', 'iam:ListAttachedRolePolicies', 'iam:ListInstanceProfiles', 'iam:ListRoles', 'lambda:ListFunctions', 'logs:CreateLogGroup', 'logs:DescribeLogGroups', 'logs:FilterLogEvents', 'route53:CreateHostedZone', 'route53:DeleteHostedZone', 'route53:GetHealthCheck', 'route53:GetHostedZone', 'route53:ListHostedZonesByName', 'servicediscovery:CreatePrivateDnsNamespace', 'servicediscovery:CreateService', 'servicediscovery:DeleteService', 'servicediscovery:GetNamespace', 'servicediscovery:GetOperation', 'servicediscovery:GetService', 'servicediscovery:ListNamespaces', 'servicediscovery:ListServices', 'servicediscovery:UpdateService', 'sns:ListTopics'] },
      { actions: ['ssm:GetParameter', 'ssm:GetParameters', 'ssm:GetParametersByPath'], resources: ['arn:aws:ssm:*:*:parameter/aws/service/ecs*'] },
      { actions: ['ec2:DeleteInternetGateway', 'ec2:DeleteRoute', 'ec2:DeleteRouteTable', 'ec2:DeleteSecurityGroup'], condition: true },
      { actions: ['iam:PassRole'], condition: true },
      { actions: ['iam:PassRole'], resources: ['arn:aws:iam::*:role/ecsInstanceRole*'], condition: true },
      { actions: ['iam:PassRole'], resources: ['arn:aws:iam::*:role/ecsAutoscaleRole*'], condition: true },
      { actions: ['iam:CreateServiceLinkedRole'], condition: true },
      { actions: ['elasticloadbalancing:AddTags'], condition: true },
    ],
  },
  AmazonElasticMapReduceFullAccess: {
    version: 'v7',
    statements: [
      { actions: ['cloudwatch:*', 'cloudformation:CreateStack', 'cloudformation:DescribeStackEvents', 'ec2:AuthorizeSecurityGroupIngress', 'ec2:AuthorizeSecurityGroupEgress', 'ec2:CancelSpotInstanceRequests', 'ec2:CreateRoute', 'ec2:CreateSecurityGroup', 'ec2:CreateTags', 'ec2:DeleteRoute', 'ec2:DeleteTags', 'ec2:DeleteSecurityGroup', 'ec2:DescribeAvailabilityZones', 'ec2:DescribeAccountAttributes', 'ec2:DescribeInstances', 'ec2:DescribeKeyPairs', 'ec2:DescribeRouteTables', 'ec2:DescribeSecurityGroups', 'ec2:DescribeSpotInstanceRequests', 'ec2:DescribeSpotPriceHistory', 'ec2:DescribeSubnets', 'ec2:DescribeVpcAttribute', 'ec2:DescribeVpcs', 'ec2:DescribeRouteTables', 'ec2:DescribeNetworkAcls', 'ec2:CreateVpcEndpoint', 'ec2:ModifyImageAttribute', 'ec2:ModifyInstanceAttribute', 'ec2:RequestSpotInstances', 'ec2:RevokeSecurityGroupEgress', 'ec2:RunInstances', 'ec2:TerminateInstances', 'elasticmapreduce:*', 'iam:GetPolicy', 'iam:GetPolicyVersion', 'iam:ListRoles', 'iam:PassRole', 'kms:List*', 's3:*', 'sdb:*'] },
      { actions: ['iam:CreateServiceLinkedRole'], condition: true },
    ],
  },
  "service-role/AmazonElasticMapReduceforEC2Role": {
    version: 'v3',
    statements: [
      { actions: ['cloudwatch:*', 'dynamodb:*', 'ec2:Describe*', 'elasticmapreduce:Describe*', 'elasticmapreduce:ListBootstrapActions', 'elasticmapreduce:ListClusters', 'elasticmapreduce:ListInstanceGroups', 'elasticmapreduce:ListInstances', 'elasticmapreduce:ListSteps', 'kinesis:CreateStream', 'kinesis:DeleteStream', 'kinesis:DescribeStream', 'kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:MergeShards', 'kinesis:PutRecord', 'kinesis:SplitShard', 'rds:Describe*', 's3:*', 'sdb:*', 'sns:*', 'sqs:*', 'glue:CreateDatabase', 'glue:UpdateDatabase', 'glue:DeleteDatabase', 'glue:GetDatabase', 'glue:GetDatabases', 'glue:CreateTable', 'glue:UpdateTable', 'glue:DeleteTable', 'glue:GetTable', 'glue:GetTables', 'glue:GetTableVersions', 'glue:CreatePartition', 'glue:BatchCreatePartition', 'glue:UpdatePartition', 'glue:DeletePartition', 'glue:BatchDeletePartition', 'glue:GetPartition', 'glue:GetPartitions', 'glue:BatchGetPartition', 'glue:CreateUserDefinedFunction', 'glue:UpdateUserDefinedFunction', 'glue:DeleteUserDefinedFunction', 'glue:GetUserDefinedFunction', 'glue:GetUserDefinedFunctions'] },
    ],
  },
  AmazonRedshiftAllCommandsFullAccess: {
    version: 'v2',
    statements: [
      { actions: ['sagemaker:CreateTrainingJob', 'sagemaker:CreateAutoMLJob', 'sagemaker:CreateCompilationJob', 'sagemaker:CreateEndpoint', 'sagemaker:DescribeAutoMLJob', 'sagemaker:DescribeTrainingJob', 'sagemaker:DescribeCompilationJob', 'sagemaker:DescribeProcessingJob', 'sagemaker:DescribeTransformJob', 'sagemaker:ListCandidatesForAutoMLJob', 'sagemaker:StopAutoMLJob', 'sagemaker:StopCompilationJob', 'sagemaker:StopTrainingJob', 'sagemaker:DescribeEndpoint', 'sagemaker:InvokeEndpoint', 'sagemaker:StopProcessingJob', 'sagemaker:CreateModel', 'sagemaker:CreateProcessingJob'], resources: ['arn:aws:sagemaker:*:*:model/*redshift*', 'arn:aws:sagemaker:*:*:training-job/*redshift*', 'arn:aws:sagemaker:*:*:automl-job/*redshift*', 'arn:aws:sagemaker:*:*:compilation-job/*redshift*', 'arn:aws:sagemaker:*:*:processing-job/*redshift*', 'arn:aws:sagemaker:*:*:transform-job/*redshift*', 'arn:aws:sagemaker:*:*:endpoint/*redshift*'] },
      { actions: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:DescribeLogStreams', 'logs:PutLogEvents'], resources: ['arn:aws:logs:*:*:log-group:/aws/sagemaker/Endpoints/*redshift*', 'arn:aws:logs:*:*:log-group:/aws/sagemaker/ProcessingJobs/*redshift*', 'arn:aws:logs:*:*:log-group:/aws/sagemaker/TrainingJobs/*redshift*', 'arn:aws:logs:*:*:log-group:/aws/sagemaker/TransformJobs/*redshift*'] },
      { actions: ['cloudwatch:PutMetricData'], condition: true },
      { actions: ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetAuthorizationToken', 'ecr:GetDownloadUrlForLayer'] },
      { actions: ['s3:GetObject', 's3:GetBucketAcl', 's3:GetBucketCors', 's3:GetEncryptionConfiguration', 's3:GetBucketLocation', 's3:ListBucket', 's3:ListAllMyBuckets', 's3:ListMultipartUploadParts', 's3:ListBucketMultipartUploads', 's3:PutObject', 's3:PutBucketAcl', 's3:PutBucketCors', 's3:DeleteObject', 's3:AbortMultipartUpload', 's3:CreateBucket'], resources: ['arn:aws:s3:::redshift-downloads', 'arn:aws:s3:::redshift-downloads/*', 'arn:aws:s3:::*redshift*', 'arn:aws:s3:::*redshift*/*'] },
      { actions: ['s3:GetObject'], condition: true },
      { actions: ['dynamodb:Scan', 'dynamodb:DescribeTable', 'dynamodb:Getitem'], resources: ['arn:aws:dynamodb:*:*:table/*redshift*', 'arn:aws:dynamodb:*:*:table/*redshift*/index/*'] },
      { actions: ['elasticmapreduce:ListInstances'], resources: ['arn:aws:elasticmapreduce:*:*:cluster/*redshift*'] },
      { actions: ['elasticmapreduce:ListInstances'], condition: true },
      { actions: ['lambda:InvokeFunction'], resources: ['arn:aws:lambda:*:*:function:*redshift*'] },
      { actions: ['glue:CreateDatabase', 'glue:DeleteDatabase', 'glue:GetDatabase', 'glue:GetDatabases', 'glue:UpdateDatabase', 'glue:CreateTable', 'glue:DeleteTable', 'glue:BatchDeleteTable', 'glue:UpdateTable', 'glue:GetTable', 'glue:GetTables', 'glue:BatchCreatePartition', 'glue:CreatePartition', 'glue:DeletePartition', 'glue:BatchDeletePartition', 'glue:UpdatePartition', 'glue:GetPartition', 'glue:GetPartitions', 'glue:BatchGetPartition'], resources: ['arn:aws:glue:*:*:table/*redshift*/*', 'arn:aws:glue:*:*:catalog', 'arn:aws:glue:*:*:database/*redshift*'] },
      { actions: ['secretsmanager:GetResourcePolicy', 'secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret', 'secretsmanager:ListSecretVersionIds'], resources: ['arn:aws:secretsmanager:*:*:secret:*redshift*'] },
      { actions: ['secretsmanager:GetRandomPassword', 'secretsmanager:ListSecrets'] },
      { actions: ['iam:PassRole'], resources: ['arn:aws:iam::*:role/*'], condition: true },
    ],
  },
  AWSDataPipeline_FullAccess: {
    version: 'v2',
    statements: [
      { actions: ['s3:List*', 'dynamodb:DescribeTable', 'rds:DescribeDBInstances', 'rds:DescribeDBSecurityGroups', 'redshift:DescribeClusters', 'redshift:DescribeClusterSecurityGroups', 'sns:ListTopics', 'sns:Subscribe', 'iam:ListRoles', 'iam:GetRolePolicy', 'iam:GetInstanceProfile', 'iam:ListInstanceProfiles', 'datapipeline:*'] },
      { actions: ['iam:PassRole'], resources: ['arn:aws:iam::*:role/DataPipelineDefaultResourceRole', 'arn:aws:iam::*:role/DataPipelineDefaultRole'] },
    ],
  },
};
