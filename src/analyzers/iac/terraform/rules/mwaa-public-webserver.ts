import { MWAA_PUBLIC } from '../../cloud-rules/checks/exposure.js';
import { isOneOf, propertyRule } from '../../cloud-rules/expect.js';
import { ENV } from './mwaa-examples.js';

export const tfMwaaPublic = propertyRule(MWAA_PUBLIC, {
  id: 'tf.mwaa.public-webserver',
  bad: [{ file: 'main.tf', code: `${ENV}  webserver_access_mode = "PUBLIC_ONLY"\n}\n` }],
  good: [{ file: 'main.tf', code: `${ENV}  webserver_access_mode = "PRIVATE_ONLY"\n}\n` }],
  types: ['aws_mwaa_environment'],
  path: ['webserver_access_mode'],
  insecure: isOneOf('public_only'),
  missingIsInsecure: false,
  message: 'MWAA Airflow web server is reachable from the internet',
});
