import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type DayState, type GridUnit, bodyHtml, rowHtml } from './board-model.ts';

const LABELS: Record<DayState, string> = {
  free: 'vrij',
  hold: 'vastgehouden',
  booked: 'bezet',
  closed: 'gesloten',
  not_admitting: 'neemt niet op',
  inactive: 'niet in gebruik',
};

const unit = (locationName: string, unitName: string, states: DayState[]) => ({ locationName, unitName, states }) as unknown as GridUnit;

describe("a board row's HTML", () => {
  it('the unit as a row header, then one cell per night with its state as class and name', () => {
    assert.equal(
      rowHtml(unit('Het Anker', 'Kamer 1', ['free', 'booked']), LABELS),
      '<th scope="row" class="adempauze-board__unit" title="Het Anker, Kamer 1">Het Anker, Kamer 1</th>' +
        '<td class="adempauze-board__cell adempauze-board__cell--free" aria-label="vrij"></td>' +
        '<td class="adempauze-board__cell adempauze-board__cell--booked" aria-label="bezet"></td>',
    );
  });

  it('a name cannot leave its text or attribute: markup in it is shown, not run', () => {
    const html = rowHtml(unit(`<img src=x onerror="alert(1)">`, `K'1 & "2"`, ['hold']), { ...LABELS, hold: '"><script>' });
    assert.doesNotMatch(html, /<img|<script|" onerror/);
    assert.match(html, /&lt;img src=x onerror=&quot;alert\(1\)&quot;&gt;, K&#39;1 &amp; &quot;2&quot;<\/th>/);
    assert.match(html, /aria-label="&quot;&gt;&lt;script&gt;"/);
  });

  it('the body: a row per unit, in the order of the grid', () => {
    const units = [unit('Het Anker', 'Kamer 1', ['free']), unit('De Linde', 'Kamer 2', ['booked', 'closed'])];
    assert.equal(bodyHtml(units, LABELS), units.map((one) => `<tr>${rowHtml(one, LABELS)}</tr>`).join(''));
    assert.equal(bodyHtml([], LABELS), '');
  });
});
