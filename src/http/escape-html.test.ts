import assert from 'node:assert/strict';
import { it } from 'node:test';
import { escapeHtml } from './escape-html.ts';

it('escapes the five characters of HTML and leaves the rest', () => {
  assert.equal(escapeHtml(`a<b>&"c'é`), 'a&lt;b&gt;&amp;&quot;c&#39;é');
});
