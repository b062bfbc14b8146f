import { describe, expect, it } from 'vitest';
import { analyzePythonText, py } from '../scan.js';

const found = (code: string, ruleId: string) => analyzePythonText(code, 'reports/page.py').findings.filter((f) => f.ruleId === ruleId);

describe('py.taint.html-injection', () => {
  it('follows ingested text into markup marked safe, notebook and dashboard HTML, and unescaped HTML tables', () => {
    const code = py`
      import sys
      import pandas as pd
      import requests
      import streamlit as st
      import streamlit.components.v1 as components
      from dash import dcc
      from IPython.display import HTML, display
      from markupsafe import Markup

      reviews = pd.read_csv("s3://landing/reviews.csv")
      comment = reviews["comment"].iloc[0]
      page = Markup(f"<p>{comment}</p>")
      display(HTML(reviews.to_html(escape=False)))
      st.sidebar.write(comment, unsafe_allow_html=True)
      components.html(requests.get("https://cms.example.com/banner", timeout=5).text)
      dcc.Markdown(comment, dangerously_allow_html=True)
      st.markdown(sys.argv[2], unsafe_allow_html=True)
    `;
    const flows = found(code, 'py.taint.html-injection');
    expect(flows.map((f) => [f.location.startLine, f.severity, f.confidence])).toEqual([
      [12, 'high', 'high'],
      [13, 'high', 'high'],
      [14, 'high', 'high'],
      [15, 'high', 'high'],
      [16, 'high', 'high'],
      [17, 'low', 'low'],
    ]);
    expect(flows[0]!.trace!.at(-1)!.label).toBe('sink: markupsafe.Markup() — the value is marked as safe HTML and inserted unescaped');
    // The taint finding stands in for the pattern rule's on the same call.
    expect(found(code, 'py.xss.markup-unescaped')).toEqual([]);
  });

  it("takes a pandas Styler's HTML as unescaped unless a format() in its chain may escape it", () => {
    const code = py`
      import pandas as pd

      feedback = pd.read_json("https://api.example.com/feedback.json")
      a = feedback.style.to_html()
      b = feedback.style.highlight_null().set_caption("Feedback").to_html()
      c = feedback.style.format(escape="html").to_html()
      d = feedback.to_html()
      styler = feedback.style.highlight_null()
      e = styler.to_html()
      escaping = feedback.style.format(escape="html")
      f = escaping.to_html()
    `;
    expect(found(code, 'py.taint.html-injection').map((f) => f.location.startLine)).toEqual([4, 5, 9]);
  });

  it('leaves escaped or sanitised text, escaping output and plain dashboard text alone', () => {
    const code = py`
      import html
      import nh3
      import pandas as pd
      import streamlit as st
      from IPython.display import HTML
      from markupsafe import Markup, escape

      reviews = pd.read_csv("s3://landing/reviews.csv")
      comment = reviews["comment"].iloc[0]
      a = Markup(f"<p>{escape(comment)}</p>")
      b = Markup("<p>{}</p>").format(comment)
      c = HTML(reviews.to_html())
      d = HTML(reviews.to_html(escape=True))
      st.markdown(f"<b>{html.escape(comment)}</b>", unsafe_allow_html=True)
      st.markdown(comment)
      st.write(comment, unsafe_allow_html=False)
      e = HTML(nh3.clean(comment))
    `;
    expect(found(code, 'py.taint.html-injection')).toEqual([]);
  });
});

describe('py.xss.markup-unescaped', () => {
  it('reports non-literal text marked safe: formatted high, of unknown origin medium; literal markup and escaped parts are fine', () => {
    const code = py`
      from django.utils.safestring import mark_safe
      from markupsafe import Markup, escape

      def cell(value, css):
          a = Markup("<td class=%s>" % css)
          b = mark_safe(value)
          c = Markup("<td>{}</td>").format(value)
          d = mark_safe("<hr>")
          e = Markup(f"<td>{escape(value)}</td>")
    `;
    expect(found(code, 'py.xss.markup-unescaped').map((f) => [f.location.startLine, f.confidence, f.message])).toEqual([
      [5, 'high', 'markupsafe.Markup() marks text built by string formatting or concatenation as safe HTML, so templates insert it unescaped'],
      [6, 'medium', 'django.utils.safestring.mark_safe() marks text whose origin is not visible here as safe HTML, so templates insert it unescaped'],
    ]);
  });
});
