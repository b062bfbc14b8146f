import { DMS_ENDPOINT_NO_SSL, DMS_SSL_ENGINES } from '../../cloud-rules/checks/transport.js';
import { isNoneOf, propertyRule } from '../../cloud-rules/expect.js';
import { get, str } from '../../cloud-rules/model.js';

export const tfDmsEndpointNoSsl = propertyRule(DMS_ENDPOINT_NO_SSL, {
  id: 'tf.dms.endpoint-no-ssl',
  bad: [{ file: 'main.tf', code: 'resource "aws_dms_endpoint" "source" {\n  endpoint_id   = "orders-db"\n  endpoint_type = "source"\n  engine_name   = "postgres"\n}\n' }],
  good: [
    { file: 'main.tf', code: 'resource "aws_dms_endpoint" "source" {\n  endpoint_id   = "orders-db"\n  endpoint_type = "source"\n  engine_name   = "postgres"\n  ssl_mode      = "verify-full"\n}\n' },
    { file: 'main.tf', code: 'resource "aws_dms_endpoint" "target" {\n  endpoint_id   = "lake"\n  endpoint_type = "target"\n  engine_name   = "s3"\n}\n' },
  ],
  types: ['aws_dms_endpoint'],
  path: ['ssl_mode'],
  insecure: isNoneOf('require', 'verify-ca', 'verify-full'),
  missingIsInsecure: true,
  message: 'DMS endpoint connects without TLS (ssl_mode none)',
  exempt: (r) => !DMS_SSL_ENGINES.includes(str(get(r.body, 'engine_name')) ?? ''),
});
