import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isValidBsn, normalisePostcode } from './identifiers.ts';

describe('BSN eleven-check', () => {
  it('accepts the published test number and an eight-digit form, rejects zeros, wrong sums and non-digits', () => {
    assert.equal(isValidBsn('123456782'), true);
    assert.equal(isValidBsn('111222333'), true);
    assert.equal(isValidBsn('12345678'), false);
    assert.equal(isValidBsn('000000000'), false);
    assert.equal(isValidBsn('123456789'), false);
    assert.equal(isValidBsn('12345678a'), false);
    assert.equal(isValidBsn('1234567820'), false);
  });

  it('rejects every single-digit change of a valid number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (position, delta) => {
        const digits = [...'123456782'].map(Number);
        digits[position] = (digits[position]! + delta) % 10;
        assert.equal(isValidBsn(digits.join('')), false);
      }),
    );
  });
});

describe('postcode', () => {
  it('normalises spacing and case and refuses what is not a postcode', () => {
    assert.equal(normalisePostcode('3262gd'), '3262 GD');
    assert.equal(normalisePostcode(' 3262  GD '), '3262 GD');
    assert.equal(normalisePostcode('0262 GD'), undefined);
    assert.equal(normalisePostcode('3262 SS'), undefined);
    assert.equal(normalisePostcode('32620'), undefined);
  });
});
