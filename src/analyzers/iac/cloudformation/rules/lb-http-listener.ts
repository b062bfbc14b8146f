import { HTTP_LISTENER } from '../../cloud-rules/checks/transport.js';
import { cloudRule } from '../../cloud-rules/expect.js';
import { get, getAll, str } from '../../cloud-rules/model.js';
import { template } from './example.js';

export const cfnLbHttpListener = cloudRule(HTTP_LISTENER, {
  id: 'cfn.lb.http-listener',
  bad: [
    {
      file: 'template.yaml',
      code: template('Http', 'AWS::ElasticLoadBalancingV2::Listener', 'LoadBalancerArn: !Ref Ingest\nPort: 80\nProtocol: HTTP\nDefaultActions:\n  - Type: forward\n    TargetGroupArn: !Ref Api'),
    },
  ],
  good: [
    {
      file: 'template.yaml',
      code: template(
        'Http',
        'AWS::ElasticLoadBalancingV2::Listener',
        'LoadBalancerArn: !Ref Ingest\nPort: 80\nProtocol: HTTP\nDefaultActions:\n  - Type: redirect\n    RedirectConfig:\n      Protocol: HTTPS\n      Port: "443"\n      StatusCode: HTTP_301',
      ),
    },
  ],
  check(ctx) {
    for (const r of ctx.ofType('AWS::ElasticLoadBalancingV2::Listener')) {
      const protocol = get(r.body, 'Protocol');
      if (str(protocol)?.toUpperCase() !== 'HTTP') continue;
      const redirects = getAll(r.body, 'DefaultActions').some((a) => str(get(a, 'Type')) === 'redirect' && str(get(a, 'RedirectConfig', 'Protocol'))?.toUpperCase() !== 'HTTP');
      if (!redirects) ctx.report(r, protocol!.range, { message: 'Load balancer listener serves plain HTTP instead of redirecting to HTTPS' });
    }
  },
});
