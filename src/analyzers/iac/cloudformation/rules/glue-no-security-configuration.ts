import { GLUE_NO_SECURITY_CONFIGURATION } from '../../cloud-rules/checks/at-rest.js';
import { cloudRule, expectProperty, isEmpty } from '../../cloud-rules/expect.js';
import { template } from './example.js';

export const cfnGlueNoSecurityConfiguration = cloudRule(GLUE_NO_SECURITY_CONFIGURATION, {
  id: 'cfn.glue.no-security-configuration',
  bad: [
    { file: 'template.yaml', code: template('CleanJob', 'AWS::Glue::Job', 'Role: !Ref GlueRole\nCommand:\n  Name: glueetl\n  ScriptLocation: s3://acme-code/clean.py') },
    { file: 'template.yaml', code: template('RawCrawler', 'AWS::Glue::Crawler', 'Role: !Ref GlueRole\nDatabaseName: raw') },
  ],
  good: [{ file: 'template.yaml', code: template('CleanJob', 'AWS::Glue::Job', 'Role: !Ref GlueRole\nSecurityConfiguration: !Ref PipelineSecurity') }],
  check(ctx) {
    const missing = { insecure: isEmpty, missingIsInsecure: true, message: 'Glue job or crawler runs without a security configuration' };
    expectProperty(ctx, { types: ['AWS::Glue::Job'], path: ['SecurityConfiguration'], ...missing });
    expectProperty(ctx, { types: ['AWS::Glue::Crawler'], path: ['CrawlerSecurityConfiguration'], ...missing });
  },
});
