import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ACCENTED, PLAIN, searchTerms, withoutAccents } from './support-info.ts';

describe("search terms of a caregiver's question", () => {
  it('keeps the words, lower case, without accents, punctuation or doubles', () => {
    assert.deepEqual(searchTerms('Logeren in Oud-Beijerland? logeren!'), ['logeren', 'in', 'oud', 'beijerland']);
    assert.deepEqual(searchTerms('  '), []);
    assert.deepEqual(searchTerms('Café één'), ['cafe', 'een']);
  });

  it('never gives more than six words, none shorter than two letters, none with a character SQL LIKE treats specially (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (question) => {
        const terms = searchTerms(question);
        assert.ok(terms.length <= 6);
        for (const term of terms) {
          assert.ok(term.length >= 2);
          assert.ok(!/[%_\\\s]/.test(term), term);
        }
      }),
    );
  });

  it('maps each accented letter to one plain letter, as the database does with translate()', () => {
    assert.equal([...ACCENTED].length, [...PLAIN].length);
    // Lower case only: searchTerms lowers the question first, the database the texts.
    assert.equal(withoutAccents('één café, naïef, crème brûlée'), 'een cafe, naief, creme brulee');
  });
});
