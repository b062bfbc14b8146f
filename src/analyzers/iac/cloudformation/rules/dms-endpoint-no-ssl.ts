import { DMS_ENDPOINT_NO_SSL, DMS_SSL_ENGINES } from '../../cloud-rules/checks/transport.js';
import { isNoneOf, propertyRule } from '../../cloud-rules/expect.js';
import { get, str } from '../../cloud-rules/model.js';
import { template } from './example.js';

export const cfnDmsEndpointNoSsl = propertyRule(DMS_ENDPOINT_NO_SSL, {
  id: 'cfn.dms.endpoint-no-ssl',
  bad: [
    { file: 'template.yaml', code: template('Source', 'AWS::DMS::Endpoint', 'EndpointType: source\nEngineName: postgres\nSslMode: none') },
  ],
  good: [
    { file: 'template.yaml', code: template('Source', 'AWS::DMS::Endpoint', 'EndpointType: source\nEngineName: postgres\nSslMode: verify-full') },
    { file: 'template.yaml', code: template('Lake', 'AWS::DMS::Endpoint', 'EndpointType: target\nEngineName: s3') },
  ],
  types: ['AWS::DMS::Endpoint'],
  path: ['SslMode'],
  insecure: isNoneOf('require', 'verify-ca', 'verify-full'),
  missingIsInsecure: true,
  message: 'DMS endpoint connects without TLS (SslMode none)',
  exempt: (r) => !DMS_SSL_ENGINES.includes(str(get(r.body, 'EngineName')) ?? ''),
});
