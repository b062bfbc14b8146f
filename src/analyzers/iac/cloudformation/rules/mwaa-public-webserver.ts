import { MWAA_PUBLIC } from '../../cloud-rules/checks/exposure.js';
import { isOneOf, propertyRule } from '../../cloud-rules/expect.js';
import { template } from './example.js';

export const cfnMwaaPublic = propertyRule(MWAA_PUBLIC, {
  id: 'cfn.mwaa.public-webserver',
  bad: [
    { file: 'template.yaml', code: template('Airflow', 'AWS::MWAA::Environment', 'Name: pipeline\nWebserverAccessMode: PUBLIC_ONLY') },
  ],
  good: [
    { file: 'template.yaml', code: template('Airflow', 'AWS::MWAA::Environment', 'Name: pipeline\nWebserverAccessMode: PRIVATE_ONLY') },
  ],
  types: ['AWS::MWAA::Environment'],
  path: ['WebserverAccessMode'],
  insecure: isOneOf('public_only'),
  missingIsInsecure: false,
  message: 'MWAA Airflow web server is reachable from the internet',
});
