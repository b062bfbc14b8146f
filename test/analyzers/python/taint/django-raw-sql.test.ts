import { describe, expect, it } from 'vitest';
import { analyzePythonText, py } from '../scan.js';

const sqlFlows = (code: string) => analyzePythonText(code, 'shop/views.py').findings.filter((f) => f.ruleId === 'py.taint.sql-injection');

describe("request data in Django's raw SQL", () => {
  it('is SQL injection through Manager.raw(), RawSQL and extra() fragments, not through bound parameters or other raw() methods', () => {
    const code = py`
      from django.db.models.expressions import RawSQL
      from flask import request
      from shop.models import Order

      day = request.args["day"]
      a = Order.objects.raw("SELECT * FROM shop_order WHERE day = '" + day + "'")
      b = Order.objects.annotate(n=RawSQL(f"SELECT count(*) FROM shop_item WHERE day = '{day}'", []))
      c = Order.objects.exclude(void=True).extra(where=[f"day = '{day}'"])
      d = Order.objects.raw("SELECT * FROM shop_order WHERE day = %s", [day])
      e = Order.objects.extra(where=["day = %s"], params=[day])
      f = archive.raw(day)
    `;
    const found = sqlFlows(code);
    expect(found.map((f) => [f.location.startLine, f.severity, f.confidence])).toEqual([
      [6, 'high', 'high'],
      [7, 'high', 'high'],
      [8, 'high', 'high'],
    ]);
    expect(found[2]!.trace!.at(-1)!.label).toBe('sink: shop.models.Order.objects.exclude().extra() — the value is put into the SQL text of the query');
  });
});
