import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { aRegion } from '../testing/fixtures.ts';
import { type TestApp, createTestApp } from '../testing/test-app.ts';

describe('caregiver-support information per municipality', () => {
  let t: TestApp;
  const item = {
    municipality: 'Hoeksche Waard',
    category: 'peer_support',
    title: 'Mantelzorgcafé Oud-Beijerland',
    summary: 'Elke eerste dinsdag van de maand praten mantelzorgers met elkaar.',
    body: 'In het dorpshuis, vanaf 19.30 uur.',
    phone: '0186 123 456',
    url: 'https://mantelzorg.example.nl/cafe',
  };

  before(async () => {
    t = await createTestApp();
    await aRegion(t.database.db);
  });
  after(() => t.close());

  const search = (query: string) => t.inject({ method: 'GET', url: `/api/public/support?${query}` }, 'anonymous');

  it('lets the central point add information that anyone then finds by part of a word, municipality and kind', async () => {
    const added = await t.inject({ method: 'POST', url: '/api/support', payload: item });
    assert.equal(added.statusCode, 201, added.body);
    const regionWide = await t.inject({
      method: 'POST',
      url: '/api/support',
      payload: {
        ...item,
        municipality: null,
        category: 'emergency',
        title: 'Crisisdienst mantelzorg',
        summary: 'Dag en nacht bereikbaar.',
      },
    });
    assert.equal(regionWide.statusCode, 201, regionWide.body);

    // "cafe" finds "café", and "mantelzorg" finds "Mantelzorgcafé": accents and compound words do not stand in the way.
    const found = (await search('q=Cafe%20mantelzorg&municipality=Hoeksche%20Waard')).json();
    assert.deepEqual(
      found.items.map((entry: { title: string }) => entry.title),
      ['Mantelzorgcafé Oud-Beijerland'],
    );
    const byPart = (await search('q=mantelzorg%20dinsdag&municipality=Hoeksche%20Waard')).json();
    assert.deepEqual(
      byPart.items.map((entry: { title: string }) => entry.title),
      ['Mantelzorgcafé Oud-Beijerland'],
    );
    assert.ok(byPart.municipalities.includes('Hoeksche Waard'));

    const forTheMunicipality = (await search('municipality=Hoeksche%20Waard')).json();
    assert.deepEqual(forTheMunicipality.items.map((entry: { title: string }) => entry.title).sort(), [
      'Crisisdienst mantelzorg',
      'Mantelzorgcafé Oud-Beijerland',
    ]);
    const elsewhere = (await search('municipality=Zwijndrecht')).json();
    assert.deepEqual(
      elsewhere.items.map((entry: { title: string }) => entry.title),
      ['Crisisdienst mantelzorg'],
      'region-wide items show everywhere',
    );
    const byKind = (await search('category=emergency')).json();
    assert.deepEqual(
      byKind.items.map((entry: { title: string }) => entry.title),
      ['Crisisdienst mantelzorg'],
    );
  });

  it('treats search words as text, not as patterns or SQL', async () => {
    for (const q of ['%', '_', "' OR 1=1 --", '\\']) {
      const response = await search(`q=${encodeURIComponent(q)}`);
      assert.equal(response.statusCode, 200);
    }
    assert.deepEqual((await search(`q=${encodeURIComponent('%%')}`)).json().items.length, 2, 'no words: everything');
    assert.deepEqual((await search(`q=${encodeURIComponent('zz%zz')}`)).json().items, []);
  });

  it('changes and removes an item; refuses unknown municipalities, unsafe links and other roles', async () => {
    const created = (await t.inject({ method: 'POST', url: '/api/support', payload: { ...item, title: 'Tijdelijk item' } })).json();
    const changed = await t.inject({ method: 'PUT', url: `/api/support/${created.id}`, payload: { ...item, title: 'Gewijzigd item' } });
    assert.equal(changed.json().title, 'Gewijzigd item');

    const unsafe = await t.inject({
      method: 'POST',
      url: '/api/support',
      payload: { ...item, url: 'javascript:alert(1)', municipality: 'Atlantis' },
    });
    assert.equal(unsafe.statusCode, 400);
    assert.deepEqual(
      unsafe.json().errors.map((e: { field: string }) => e.field),
      ['url'],
    );
    const unknown = await t.inject({ method: 'POST', url: '/api/support', payload: { ...item, municipality: 'Atlantis' } });
    assert.deepEqual(
      unknown.json().errors.map((e: { field: string; code: string }) => [e.field, e.code]),
      [['municipality', 'unknown_municipality']],
    );

    assert.equal((await t.inject({ method: 'POST', url: '/api/support', payload: item }, await t.signIn('policy_viewer'))).statusCode, 403);
    assert.equal((await t.inject({ method: 'POST', url: '/api/support', payload: item }, 'anonymous')).statusCode, 401);

    assert.equal((await t.inject({ method: 'DELETE', url: `/api/support/${created.id}` })).statusCode, 204);
    assert.equal((await t.inject({ method: 'DELETE', url: `/api/support/${created.id}` })).statusCode, 404);
  });
});
