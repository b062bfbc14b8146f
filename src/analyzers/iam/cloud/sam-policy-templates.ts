/** One statement of a SAM policy template: Allow `actions` on `resources`, where `{Param}` is the template's parameter. */
export interface TemplateStatement {
  actions: readonly string[];
  resources: readonly string[];
}

/**
 * The statements of AWS SAM's policy templates (`S3CrudPolicy: {BucketName: …}` in a function's
 * `Policies`), as the SAM translator defines them; `${AWS::Partition}`, `${AWS::Region}` and
 * `${AWS::AccountId}` are CloudFormation's pseudo parameters.
 */
export const SAM_POLICY_TEMPLATES: Readonly<Record<string, readonly TemplateStatement[]>> = {
  S3ReadPolicy: [
    { actions: ['s3:GetObject', 's3:ListBucket', 's3:GetBucketLocation', 's3:GetObjectVersion', 's3:GetLifecycleConfiguration'], resources: ['arn:${AWS::Partition}:s3:::{BucketName}', 'arn:${AWS::Partition}:s3:::{BucketName}/*'] },
  ],
  S3WritePolicy: [
    { actions: ['s3:PutObject', 's3:PutObjectAcl', 's3:PutLifecycleConfiguration'], resources: ['arn:${AWS::Partition}:s3:::{BucketName}', 'arn:${AWS::Partition}:s3:::{BucketName}/*'] },
  ],
  S3CrudPolicy: [
    { actions: ['s3:GetObject', 's3:ListBucket', 's3:GetBucketLocation', 's3:GetObjectVersion', 's3:PutObject', 's3:PutObjectAcl', 's3:GetLifecycleConfiguration', 's3:PutLifecycleConfiguration', 's3:DeleteObject'], resources: ['arn:${AWS::Partition}:s3:::{BucketName}', 'arn:${AWS::Partition}:s3:::{BucketName}/*'] },
  ],
  S3FullAccessPolicy: [
    { actions: ['s3:GetObject', 's3:GetObjectAcl', 's3:GetObjectVersion', 's3:PutObject', 's3:PutObjectAcl', 's3:DeleteObject', 's3:DeleteObjectTagging', 's3:DeleteObjectVersionTagging', 's3:GetObjectTagging', 's3:GetObjectVersionTagging', 's3:PutObjectTagging', 's3:PutObjectVersionTagging'], resources: ['arn:${AWS::Partition}:s3:::{BucketName}/*'] },
    { actions: ['s3:ListBucket', 's3:GetBucketLocation', 's3:GetLifecycleConfiguration', 's3:PutLifecycleConfiguration'], resources: ['arn:${AWS::Partition}:s3:::{BucketName}'] },
  ],
  DynamoDBReadPolicy: [
    { actions: ['dynamodb:GetItem', 'dynamodb:Scan', 'dynamodb:Query', 'dynamodb:BatchGetItem', 'dynamodb:DescribeTable'], resources: ['arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/{TableName}', 'arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/{TableName}/index/*'] },
  ],
  DynamoDBCrudPolicy: [
    { actions: ['dynamodb:GetItem', 'dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:Scan', 'dynamodb:Query', 'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem', 'dynamodb:BatchGetItem', 'dynamodb:DescribeTable', 'dynamodb:ConditionCheckItem'], resources: ['arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/{TableName}', 'arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/{TableName}/index/*'] },
  ],
  DynamoDBWritePolicy: [
    { actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem'], resources: ['arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/{TableName}', 'arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/{TableName}/index/*'] },
  ],
  SQSPollerPolicy: [
    { actions: ['sqs:ChangeMessageVisibility', 'sqs:ChangeMessageVisibilityBatch', 'sqs:DeleteMessage', 'sqs:DeleteMessageBatch', 'sqs:GetQueueAttributes', 'sqs:ReceiveMessage'], resources: ['arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:{QueueName}'] },
  ],
  SQSSendMessagePolicy: [
    { actions: ['sqs:SendMessage*'], resources: ['arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:{QueueName}'] },
  ],
  KinesisStreamReadPolicy: [
    { actions: ['kinesis:ListStreams', 'kinesis:DescribeLimits'], resources: ['arn:${AWS::Partition}:kinesis:${AWS::Region}:${AWS::AccountId}:stream/*'] },
    { actions: ['kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:GetRecords', 'kinesis:GetShardIterator'], resources: ['arn:${AWS::Partition}:kinesis:${AWS::Region}:${AWS::AccountId}:stream/{StreamName}'] },
  ],
  KinesisCrudPolicy: [
    { actions: ['kinesis:AddTagsToStream', 'kinesis:CreateStream', 'kinesis:DecreaseStreamRetentionPeriod', 'kinesis:DeleteStream', 'kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:GetShardIterator', 'kinesis:IncreaseStreamRetentionPeriod', 'kinesis:ListTagsForStream', 'kinesis:MergeShards', 'kinesis:PutRecord', 'kinesis:PutRecords', 'kinesis:SplitShard', 'kinesis:RemoveTagsFromStream'], resources: ['arn:${AWS::Partition}:kinesis:${AWS::Region}:${AWS::AccountId}:stream/{StreamName}'] },
  ],
  AWSSecretsManagerGetSecretValuePolicy: [
    { actions: ['secretsmanager:GetSecretValue'], resources: ['{SecretArn}'] },
  ],
  AthenaQueryPolicy: [
    { actions: ['athena:ListWorkGroups', 'athena:GetExecutionEngine', 'athena:GetExecutionEngines', 'athena:GetNamespace', 'athena:GetCatalogs', 'athena:GetNamespaces', 'athena:GetTables', 'athena:GetTable'], resources: ['*'] },
    { actions: ['athena:StartQueryExecution', 'athena:GetQueryResults', 'athena:DeleteNamedQuery', 'athena:GetNamedQuery', 'athena:ListQueryExecutions', 'athena:StopQueryExecution', 'athena:GetQueryResultsStream', 'athena:ListNamedQueries', 'athena:CreateNamedQuery', 'athena:GetQueryExecution', 'athena:BatchGetNamedQuery', 'athena:BatchGetQueryExecution', 'athena:GetWorkGroup'], resources: ['arn:${AWS::Partition}:athena:${AWS::Region}:${AWS::AccountId}:workgroup/{WorkGroupName}'] },
  ],
  LambdaInvokePolicy: [
    { actions: ['lambda:InvokeFunction'], resources: ['arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:{FunctionName}*'] },
  ],
  StepFunctionsExecutionPolicy: [
    { actions: ['states:StartExecution'], resources: ['arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:{StateMachineName}'] },
  ],
  SNSPublishMessagePolicy: [
    { actions: ['sns:Publish'], resources: ['arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:{TopicName}'] },
  ],
  KMSDecryptPolicy: [
    { actions: ['kms:Decrypt'], resources: ['arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/{KeyId}'] },
  ],
  SSMParameterReadPolicy: [
    { actions: ['ssm:DescribeParameters'], resources: ['*'] },
    { actions: ['ssm:GetParameters', 'ssm:GetParameter', 'ssm:GetParametersByPath'], resources: ['arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/{ParameterName}'] },
  ],
  EventBridgePutEventsPolicy: [
    { actions: ['events:PutEvents'], resources: ['arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/{EventBusName}'] },
  ],
  FirehoseWritePolicy: [
    { actions: ['firehose:PutRecord', 'firehose:PutRecordBatch'], resources: ['arn:${AWS::Partition}:firehose:${AWS::Region}:${AWS::AccountId}:deliverystream/{DeliveryStreamName}'] },
  ],
};
