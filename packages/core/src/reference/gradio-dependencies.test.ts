import { describe, expect, it } from 'vitest';
import { specifiersIntersect } from '../parse/pep440.js';
import { releaseIntervalsIntersect } from './gradio-dependencies.js';

describe('releaseIntervalsIntersect', () => {
  it('agrees with the PEP 440 library on plain release bounds', () => {
    const specs = ['<2', '>=1.0,<3.0', '==4.56.0', '<4.30', '>=5', '<1.0', '>=0.33.5,<2.0', '>=1.2.0,<2.0', '<=1.2', '>1.2', '==1.2.0', '>=1.2', '<1.2.0', '>0.99,<=1', '==1', ''];
    for (const a of specs) {
      for (const b of specs) {
        expect([a, b, releaseIntervalsIntersect(a, b)]).toEqual([a, b, specifiersIntersect(a, b)]);
      }
    }
  });

  it('leaves what it does not model to the library', () => {
    for (const spec of ['~=5.0', '!=2.0', '==5.*', '>=6.0.0b1', '===1.0']) expect(releaseIntervalsIntersect(spec, '<9')).toBeUndefined();
  });
});
