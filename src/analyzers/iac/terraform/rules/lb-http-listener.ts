import { HTTP_LISTENER } from '../../cloud-rules/checks/transport.js';
import { cloudRule } from '../../cloud-rules/expect.js';
import { get, getAll, str } from '../../cloud-rules/model.js';

export const tfLbHttpListener = cloudRule(HTTP_LISTENER, {
  id: 'tf.lb.http-listener',
  bad: [
    {
      file: 'main.tf',
      code: 'resource "aws_lb_listener" "ingest" {\n  load_balancer_arn = aws_lb.ingest.arn\n  port              = 80\n  protocol          = "HTTP"\n  default_action {\n    type             = "forward"\n    target_group_arn = aws_lb_target_group.api.arn\n  }\n}\n',
    },
  ],
  good: [
    {
      file: 'main.tf',
      code:
        'resource "aws_lb_listener" "redirect" {\n  load_balancer_arn = aws_lb.ingest.arn\n  port              = 80\n  protocol          = "HTTP"\n  default_action {\n    type = "redirect"\n' +
        '    redirect {\n      port        = "443"\n      protocol    = "HTTPS"\n      status_code = "HTTP_301"\n    }\n  }\n}\n',
    },
  ],
  check(ctx) {
    for (const r of ctx.ofType('aws_lb_listener', 'aws_alb_listener')) {
      const protocol = get(r.body, 'protocol');
      // An ALB listener without a protocol is HTTP; network load balancers must name theirs.
      if (protocol ? str(protocol)?.toUpperCase() !== 'HTTP' : str(get(r.body, 'port')) !== '80') continue;
      const redirects = getAll(r.body, 'default_action').some((a) => str(get(a, 'type')) === 'redirect' && str(get(a, 'redirect', 'protocol'))?.toUpperCase() !== 'HTTP');
      if (!redirects) ctx.report(r, protocol?.range ?? r.range, { message: 'Load balancer listener serves plain HTTP instead of redirecting to HTTPS' });
    }
  },
});
