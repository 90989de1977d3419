import { describe, expect, it } from 'vitest';
import { loadEngine } from '../src/engine.js';
import { Redactor } from '../src/redaction.js';

describe('Redactor', () => {
  it("masks the server's own secrets everywhere in a value, keeping a recognisable prefix", () => {
    const r = new Redactor(['hf_OwnTokenOwnTokenOwnToken1234567', 'bearer-secret-xyz', undefined, 'short']);
    expect(r.redact('token hf_OwnTokenOwnTokenOwnToken1234567 and bearer-secret-xyz')).toBe('token hf_Ow******** and bear********');
    // Values under 6 characters would mask ordinary words; they are not registered.
    expect(r.redact('a short word')).toBe('a short word');
    expect(r.redactDeep({ a: ['bearer-secret-xyz', 3], b: { c: 'bearer-secret-xyz!' }, d: null })).toEqual({ a: ['bear********', 3], b: { c: 'bear********!' }, d: null });
  });

  it('adds values at run time (secret values passed to set_space_secret)', () => {
    const r = new Redactor();
    r.add('value-added-later');
    expect(r.redact('x value-added-later y')).toBe('x valu******** y');
  });

  it('also masks every token shape core knows once the engine is loaded', async () => {
    const r = new Redactor(['literal-secret-1']);
    const other = 'hf_SomeoneElsesTokenSomeoneElses12345';
    expect(r.redact(other)).toBe(other);
    await loadEngine(r);
    expect(r.redact(`${other} literal-secret-1`)).toBe('hf_So******** li********');
  });
});
