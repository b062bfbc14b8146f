import { KMS_NO_ROTATION } from '../../cloud-rules/checks/exposure.js';
import { cloudRule, expectProperty, isFalse } from '../../cloud-rules/expect.js';
import { get, isSet, str } from '../../cloud-rules/model.js';

export const tfKmsNoRotation = cloudRule(KMS_NO_ROTATION, {
  id: 'tf.kms.no-rotation',
  bad: [
    { file: 'main.tf', code: 'resource "aws_kms_key" "data" {\n  description = "pipeline data"\n}\n' },
    { file: 'main.tf', code: 'resource "google_kms_crypto_key" "data" {\n  name     = "data"\n  key_ring = google_kms_key_ring.pipeline.id\n}\n' },
  ],
  good: [
    { file: 'main.tf', code: 'resource "aws_kms_key" "data" {\n  description         = "pipeline data"\n  enable_key_rotation = true\n}\n' },
    { file: 'main.tf', code: 'resource "aws_kms_key" "signing" {\n  customer_master_key_spec = "ECC_NIST_P256"\n  key_usage                = "SIGN_VERIFY"\n}\n' },
  ],
  check(ctx) {
    expectProperty(ctx, {
      types: ['aws_kms_key'],
      path: ['enable_key_rotation'],
      insecure: isFalse,
      missingIsInsecure: true,
      message: 'KMS key rotation is not enabled',
      // Only symmetric encryption keys can rotate automatically.
      exempt: (r) => isSet(get(r.body, 'customer_master_key_spec')) && str(get(r.body, 'customer_master_key_spec')) !== 'SYMMETRIC_DEFAULT',
    });
    expectProperty(ctx, { types: ['google_kms_crypto_key'], path: ['rotation_period'], insecure: () => false, missingIsInsecure: true, message: 'Cloud KMS key has no rotation period' });
  },
});
