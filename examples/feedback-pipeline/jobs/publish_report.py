"""Build the daily feedback report from the cleaned feed and tell the support channel.

The HTML lands on the reports share that the support leads open in their browser.
"""
import csv
from collections import defaultdict

import requests
from jinja2 import Environment

REPORT_TEMPLATE = """<html><head><meta charset="utf-8"><title>Feedback {{ period }}</title></head>
<body>
<h1>Customer feedback, {{ period }}</h1>
<table>
  <tr><th>Channel</th><th>Responses</th><th>Average rating</th></tr>
  {% for channel, ratings in by_channel.items() %}
  <tr><td>{{ channel }}</td><td>{{ ratings|length }}</td>
      <td>{{ "%.2f"|format(ratings|sum / ratings|length) }}</td></tr>
  {% endfor %}
</table>
<h2>Low ratings</h2>
<ul>
  {% for row in low %}<li>{{ row.rating }}/5 via {{ row.channel }}: {{ row.comment }}</li>{% endfor %}
</ul>
</body></html>
"""


def build_report(clean_csv, period):
    by_channel = defaultdict(list)
    low = []
    with open(clean_csv, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["rating"]:
                by_channel[row["channel"]].append(int(row["rating"]))
                if int(row["rating"]) <= 2:
                    low.append(row)
    return Environment().from_string(REPORT_TEMPLATE).render(
        period=period, by_channel=dict(by_channel), low=low
    )


def publish(html, report_path, webhook_url):
    with open(report_path, "w", encoding="utf-8") as fh:
        fh.write(html)
    requests.post(webhook_url, json={"text": f"Feedback report ready: {report_path}"}, timeout=30)
