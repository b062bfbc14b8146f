import { taintRule } from './taint-rule.js';

export const htmlInjection = taintRule(
  {
    id: 'py.taint.html-injection',
    title: 'Ingested text shown as HTML without escaping',
    severity: 'high',
    cwe: ['CWE-79'],
    what:
      'Follows ingested data into text marked as safe markup (markupsafe/Flask Markup, Django mark_safe), shown as HTML ' +
      'in a notebook (IPython.display.HTML) or a dashboard (Streamlit markdown/write/caption with unsafe_allow_html=True, ' +
      'streamlit.components.v1.html, Dash Markdown with dangerously_allow_html=True), or written by DataFrame.to_html(escape=False) ' +
      'or by a pandas Styler, which escapes nothing unless format(escape="html") asks.',
    why:
      'Pipelines put what they ingest in front of people: data-quality pages, report e-mails, dashboards and notebooks. ' +
      'A record whose text field holds <img src=x onerror=…> runs script in the browser of whoever opens the report, with ' +
      'their session on the dashboard, notebook server or BI tool — a way in for anyone who can write a row upstream.',
    remediation:
      'Let the output escape (leave escape=True, drop unsafe_allow_html), or escape the values first (html.escape, ' +
      'markupsafe.escape); where markup from data is wanted, clean it with an allow-list sanitiser (nh3.clean, bleach.clean).',
    bad: [
      {
        file: 'reports/quality.py',
        code:
          'import pandas as pd\nimport streamlit as st\n\nrejects = pd.read_csv("s3://landing/rejects.csv")\n' +
          'for note in rejects["reason"]:\n    st.markdown(f"<li>{note}</li>", unsafe_allow_html=True)\n',
      },
      {
        file: 'reports/email.py',
        code: 'import pandas as pd\n\nfeedback = pd.read_json("https://api.example.com/feedback.json")\nbody = feedback.to_html(escape=False)\n',
      },
    ],
    good: [
      {
        file: 'reports/quality.py',
        code:
          'import html\nimport pandas as pd\nimport streamlit as st\n\nrejects = pd.read_csv("s3://landing/rejects.csv")\n' +
          'for note in rejects["reason"]:\n    st.markdown(f"<li>{html.escape(note)}</li>", unsafe_allow_html=True)\n' +
          'st.dataframe(rejects)\nbody = rejects.to_html()\n',
      },
    ],
    references: [
      'https://cwe.mitre.org/data/definitions/79.html',
      'https://docs.streamlit.io/develop/api-reference/text/st.markdown',
      'https://pandas.pydata.org/docs/reference/api/pandas.DataFrame.to_html.html',
    ],
  },
  'html-injection',
  ['py.xss.markup-unescaped'],
);
