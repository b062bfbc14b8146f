import { describe, expect, it } from 'vitest';
import { analyzePythonText, py } from '../scan.js';

const flows = (code: string) => analyzePythonText(code, 'jobs/notify.py').findings.filter((f) => f.ruleId === 'py.taint.format-string');

describe('ingested text used as a str.format template', () => {
  it('is reported where objects are passed to it, with the trace; ranked low when the command line chose it', () => {
    const code = py`
      import argparse
      import json
      from kafka import KafkaConsumer

      settings = object()
      for msg in KafkaConsumer("alerts"):
          alert = json.loads(msg.value)
          text = alert["template"].format(settings=settings, alert=alert)
          line = alert["line"].format_map(vars(settings))
      args = argparse.ArgumentParser().parse_args()
      banner = args.banner.format(settings)
    `;
    const found = flows(code);
    expect(found.map((f) => [f.location.startLine, f.severity, f.confidence])).toEqual([
      [8, 'medium', 'high'],
      [9, 'medium', 'high'],
      [11, 'low', 'low'],
    ]);
    expect(found[0]!.trace!.at(-1)!.label).toBe('sink: alert["template"].format() — the value is used as a str.format template, whose {arg.attr} fields read attributes of what is passed');
  });

  it('leaves a written-out template filled with ingested values, a template given only literals, and a DataFrame Styler alone', () => {
    const code = py`
      import json
      import pandas as pd
      from kafka import KafkaConsumer

      for msg in KafkaConsumer("alerts"):
          alert = json.loads(msg.value)
          text = "Alert {name}: {level}".format(name=alert["name"], level=alert["level"])
          shown = alert["template"].format("n/a", 0)
      frame = pd.read_csv("alerts.csv")
      html = frame.style.format(formatter=str.upper).to_html()
    `;
    expect(flows(code)).toEqual([]);
  });
});
