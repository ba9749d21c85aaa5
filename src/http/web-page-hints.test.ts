import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pageHints, withHints } from './web-page-hints.ts';

const manifest = {
  'src/pages/board/Board.tsx': { file: 'assets/Board-abc.js' },
  'src/pages/provider/ProviderWorkspace.tsx': { file: 'assets/P-1.js' },
};
const at = (address: string, signedIn = true) => pageHints(new URL(address, 'http://page'), { signedIn, today: '2026-12-07', manifest });
const SESSION = '<link rel="preload" as="fetch" crossorigin href="/api/auth/session">';

describe('hints in a page for what its script asks for first', () => {
  it('every page: the session', () => {
    assert.deepEqual(at('/'), [SESSION]);
    assert.deepEqual(at('/logeerzorg'), [SESSION]);
  });

  it("a staff page opened by its address: its script, from the build's manifest", () => {
    assert.deepEqual(at('/zorgaanbieder/locaties'), [SESSION, '<link rel="modulepreload" crossorigin href="/assets/P-1.js">']);
    assert.deepEqual(at('/bezetting').slice(1), ['<link rel="modulepreload" crossorigin href="/assets/Board-abc.js">']);
    assert.deepEqual(pageHints(new URL('http://page/bezetting'), { signedIn: false, today: '2026-12-07', manifest: undefined }), [SESSION]);
  });

  it("the board of a region named in the address: the grid as the board asks for it, from the server's today", () => {
    assert.equal(
      at('/bezetting?regio=hoeksche-waard&dagen=90')[2],
      '<link rel="preload" as="fetch" crossorigin href="/api/availability/grid?regionId=hoeksche-waard&amp;from=2026-12-07&amp;to=2027-03-07">',
    );
    assert.match(
      at('/bezetting?regio=a%20b')[2]!,
      /regionId=a\+b&amp;from=2026-12-07&amp;to=2027-01-04"/,
      '28 nights unless the address names them',
    );
  });

  it('no grid without a session, a region or a sensible number of nights; the address cannot break out of the attribute', () => {
    assert.equal(at('/bezetting?regio=x', false).length, 2);
    assert.equal(at('/bezetting').length, 2);
    for (const days of ['0', '-1', '1e3', 'abc', '10000']) assert.equal(at(`/bezetting?regio=x&dagen=${days}`).length, 2, days);
    assert.doesNotMatch(at('/bezetting?regio="><script>')[2]!, /"><script>/);
  });

  it('the hints go at the end of the head', () => {
    assert.equal(
      withHints('<head><title>t</title></head><body></body>', ['<a>', '<b>']),
      '<head><title>t</title><a>\n    <b>\n  </head><body></body>',
    );
  });
});
