import { describe, expect, it } from 'vitest';
import { jafrocFom, jafrocRatings, localisation } from '../../../../src/domain/metrics/index.js';
import { IN_A, IN_B, NOWHERE, REGION_B, forged, real, rec, tell } from './records.js';

const twoTells = forged([tell('A9'), tell('E1', REGION_B)]);

describe('localisation', () => {
  // F1: two tells, rated 5, mark in tell A only         -> localised;   tells rated 5 and −∞
  // F2: one tell, rated 3 (wrong call), mark inside it -> not localised; tell rated 3
  // F3: one tell, rated 6, mark outside                -> not localised; tell rated −∞
  // F4: time-out with a mark inside                    -> not localised; left out of JAFROC
  // Reals: N1 rated 2 with a mark (X = 2), N2 rated 5 unmarked (X = −∞), N3 rated 1 with two marks (X = 1),
  //        N4 time-out with a mark (left out).
  const records = [
    rec(twoTells, 5, { marks: [IN_A] }),
    rec(forged(), 3, { marks: [IN_A] }),
    rec(forged([tell('T1')]), 6, { marks: [NOWHERE] }),
    rec(forged([tell('A1')]), null, { marks: [IN_A] }),
    real(2, { marks: [IN_A] }),
    real(5),
    real(1, { marks: [IN_A, NOWHERE] }),
    real(null, { marks: [IN_A] }),
  ];

  it('LROC-style localised fraction over all fakes', () => {
    expect(localisation(records)).toMatchObject({ fakes: 4, localised: 1, localisedFraction: 0.25, excludedTimeOuts: 2 });
  });

  it('maps case ratings to mark ratings as documented', () => {
    expect(jafrocRatings(records)).toEqual({ normals: [2, -Infinity, 1], lesions: [5, -Infinity, 3, -Infinity] });
  });

  it('hand-computed JAFROC θ = 7/12', () => {
    // Y = 5 beats 2, −∞, 1 (3); Y = −∞ ties −∞ (0.5); Y = 3 beats all (3); Y = −∞ ties −∞ (0.5). 7 / (3·4).
    expect(localisation(records).jafroc).toEqual({ fom: 7 / 12, nNormals: 3, nLesions: 4 });
  });

  it('never marking scores 0.5; marking every tell and no real image scores 1; null without normals or lesions', () => {
    expect(localisation([rec(twoTells, 6), real(1), real(4)]).jafroc?.fom).toBe(0.5);
    expect(localisation([rec(twoTells, 4, { marks: [IN_A, IN_B] }), real(1), real(2)]).jafroc?.fom).toBe(1);
    expect(jafrocFom([], [1])).toBeNull();
    expect(localisation([real(1)])).toMatchObject({ fakes: 0, localisedFraction: null, jafroc: null });
  });

  it('a confident mark on a real image costs more than a hesitant one', () => {
    const lesion = rec(forged(), 4, { marks: [IN_A] });
    const hesitant = localisation([lesion, real(3, { marks: [NOWHERE] })]).jafroc?.fom ?? NaN;
    const confident = localisation([lesion, real(6, { marks: [NOWHERE] })]).jafroc?.fom ?? NaN;
    expect(confident).toBeLessThan(hesitant);
  });
});
