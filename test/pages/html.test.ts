// The html tagged template: every interpolation escaped unless it is SafeHtml; lists joined, nothing dropped wrongly.
import t from 'tap';
import { attr, escapeHtml, html, join, raw } from '../../src/pages/html.js';

// Under another name, so that the formatter leaves the exact markup of these templates alone.
const h = html;

t.test('interpolations are escaped', async (t) => {
  const evil = `<script>alert("x")</script>&'`;
  t.equal(h`<p>${evil}</p>`.value, '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</p>');
  t.equal(h`<a title="${'" onmouseover="x'}">`.value, '<a title="&quot; onmouseover=&quot;x">');
  t.equal(escapeHtml('a<b>c'), 'a&lt;b&gt;c');
});

t.test('markup from html and raw is kept; lists are joined; null, undefined and booleans vanish', async (t) => {
  const inner = h`<b>${'<i>'}</b>`;
  t.equal(h`<p>${inner}</p>`.value, '<p><b>&lt;i&gt;</b></p>');
  t.equal(h`${['<', h`<br>`, 1]}`.value, '&lt;<br>1');
  t.equal(h`${null}${undefined}${false}${true}|`.value, '|');
  t.equal(h`${0}`.value, '0');
  t.equal(raw('<hr>').value, '<hr>');
  t.equal(join(['a', '<b>'], h`<br>`).value, 'a<br>&lt;b&gt;');
  t.equal(h`<option${attr(true, 'selected')}>`.value, '<option selected>');
  t.equal(h`<option${attr(false, 'selected')}>`.value, '<option>');
});
