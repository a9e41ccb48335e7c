import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/domain/rng.js';
import { formatImrmc, formatLrc, orAnalysis, parseImrmc, parseLrc, type ReaderStudy } from '../../../../src/domain/study/index.js';

const vanDyke = readFileSync(join(process.cwd(), '..', 'shared', 'reader-studies', 'VanDyke.lrc'), 'utf8');

/** 2 treatments, 2 readers, 2 cases without and 2 with disease, ids in the third column. */
const SMALL = ['Small study', 'r1', '"A"\t"B"', 'L\tL', '1\t2\tn1', '3\t1\tn2', '*', '4\t5\tp1', '2\t4\tp2', '*', 'r2', '2\t2\tn1', '1\t3\tn2', '*', '5\t5\tp1', '3\t4\tp2', '*', '#', ''].join('\n');

const expectError = (f: () => unknown, message: RegExp): void => {
  let caught: unknown = null;
  try {
    f();
  } catch (e) {
    caught = e;
  }
  expect(caught, 'expected an Error').toBeInstanceOf(Error);
  expect(caught).not.toBeInstanceOf(TypeError);
  expect((caught as Error).message).toMatch(message);
};

describe('LABMRMC .lrc', () => {
  it('reads a small file with case ids and writes it back', () => {
    const s = parseLrc(SMALL);
    expect(s.title).toBe('Small study');
    expect(s.treatments).toEqual(['A', 'B']);
    expect(s.readers).toEqual(['r1', 'r2']);
    expect(s.cases).toEqual([
      { id: 'n1', truth: 0 },
      { id: 'n2', truth: 0 },
      { id: 'p1', truth: 1 },
      { id: 'p2', truth: 1 },
    ]);
    expect(s.ratings).toEqual([
      [
        [1, 3, 4, 2],
        [2, 1, 5, 3],
      ],
      [
        [2, 1, 5, 4],
        [2, 3, 5, 4],
      ],
    ]);
    expect(parseLrc(formatLrc(s))).toEqual(s);
  });

  it('matches later readers\' cases by id, in any order, and reads CRLF and blank lines', () => {
    const shuffled = SMALL.replace('2\t2\tn1\n1\t3\tn2', '1\t3\tn2\n2\t2\tn1').replace(/\n/g, '\r\n').replace('*\r\nr2', '*\r\n\r\nr2');
    expect(parseLrc(shuffled)).toEqual(parseLrc(SMALL));
  });

  it('matches cases by position when there is no id column, and turns an S treatment round as RJafroc does', () => {
    const noIds = ['t', '0', '"x"', 'S', '1', '2', '*', '5', '*', '#'].join('\n');
    const s = parseLrc(noIds);
    expect(s.cases.map((c) => c.id)).toEqual(['1', '2', '3']);
    // max rating 5: r -> 6 - r, so the diseased case's 5 becomes the lowest rating.
    expect(s.ratings[0]?.[0]).toEqual([5, 4, 1]);
  });

  it('round-trips continuous ratings and a study with one treatment and one reader', () => {
    const s: ReaderStudy = {
      title: 'one',
      treatments: ['only'],
      readers: ['solo'],
      cases: [
        { id: 'a', truth: 0 },
        { id: 'b', truth: 1 },
      ],
      ratings: [[[-0.125, 3.5e-7]]],
    };
    expect(parseLrc(formatLrc(s))).toEqual(s);
  });

  it('refuses malformed files with the line and the reason', () => {
    const lines = SMALL.split('\n');
    const edit = (n: number, v: string | null): string => lines.flatMap((l, k) => (k === n - 1 ? (v === null ? [] : [v]) : [l])).join('\n');
    expectError(() => parseLrc(''), /parseLrc: the file is empty/);
    expectError(() => parseLrc('title\nr1\n"A"'), /ends before any case/);
    expectError(() => parseLrc(edit(4, 'L')), /line 4: expected 2 L\/S entries/);
    expectError(() => parseLrc(edit(4, 'L\tX')), /line 4: "X" is not L, LARGE, S or SMALL/);
    expectError(() => parseLrc(edit(3, '"A"\t"A"')), /line 3: a treatment id appears twice/);
    expectError(() => parseLrc(edit(5, '1\tx\tn1')), /line 5: rating "x" for treatment "B" is not a number/);
    expectError(() => parseLrc(edit(5, '1\t2\t3\tn1')), /line 5: expected 2 ratings .* found 4 fields/);
    expectError(() => parseLrc(edit(6, '3\t1')), /line 6: the case id is missing/);
    expectError(() => parseLrc(edit(12, '1\t3\tzz')), /line 12: case id "zz" is not among reader "r1"'s cases/);
    expectError(() => parseLrc(edit(12, '1\t3\tp1')), /line 12: case "p1" is listed without disease here/);
    expectError(() => parseLrc(edit(12, null)), /line 11: reader "r2" has 1 case without disease, reader "r1" has 2/);
    expectError(() => parseLrc(edit(11, 'r1')), /line 11: reader id "r1" appears twice/);
    expectError(() => parseLrc(edit(18, null)), /without the closing "#"/);
    expectError(() => parseLrc(lines.slice(0, 15).join('\n')), /ends inside reader "r2"'s cases with disease; expected a line "\*"/);
    expectError(() => parseLrc(edit(17, '#')), /line 17: "#" inside reader "r2"'s cases/);
    expectError(() => parseLrc(`${SMALL}more\n`), /line 19: text after the closing "#"/);
  });

  it('never crashes with a TypeError or hangs on damaged files', () => {
    const rng = createRng('lrc-fuzz');
    const base = vanDyke.split('\n');
    for (let trial = 0; trial < 300; trial++) {
      const lines = [...base];
      for (let e = 0; e < 1 + rng.int(3); e++) {
        const at = rng.int(lines.length);
        const op = rng.int(4);
        if (op === 0) lines.splice(at, 1);
        else if (op === 1) lines.splice(at, 0, lines[rng.int(lines.length)] as string);
        else if (op === 2) lines[at] = ['*', '#', '', 'x', '1\t2\t3\t4', '"'][rng.int(6)] as string;
        else lines.length = at;
      }
      try {
        parseLrc(lines.join('\n'));
      } catch (e) {
        expect(e).toBeInstanceOf(Error);
        expect(e).not.toBeInstanceOf(TypeError);
        expect(e).not.toBeInstanceOf(RangeError);
        expect((e as Error).message).toMatch(/^parseLrc: /);
      }
    }
  });

  it('refuses to write ids the format cannot hold', () => {
    const s = parseLrc(SMALL);
    expectError(() => formatLrc({ ...s, treatments: ['A"', 'B'] }), /formatLrc: treatment id "A\\"" holds a quote/);
    expectError(() => formatLrc({ ...s, readers: ['*', 'r2'] }), /formatLrc: reader id "\*" cannot stand on its own line/);
    expectError(() => formatLrc({ ...s, cases: s.cases.map((c, k) => (k === 0 ? { ...c, id: 'n 1' } : c)) }), /case id "n 1" holds white space/);
    expectError(() => formatLrc({ ...s, ratings: [s.ratings[0] as number[][]] }), /formatLrc: ratings must have one entry per treatment \(2\)/);
    expectError(() => formatLrc({ ...s, ratings: [[[1, 2, 3, NaN], [1, 2, 3, 4]], s.ratings[1] as number[][]] }), /rating of case "p2" by reader "r1" in treatment "A" is NaN/);
  });
});

describe('iMRMC input files', () => {
  const study = parseLrc(vanDyke);

  it('writes the header, BEGIN DATA:, truth lines -1,case,0,truth, then reader,case,modality,score', () => {
    const text = formatImrmc(study);
    const lines = text.split('\n');
    expect(lines.slice(0, 8)).toEqual(['Converted\tto\tMRMC\tformat', '', 'NR: 5', 'N0: 69', 'N1: 45', 'NM: 2', '', 'BEGIN DATA:']);
    expect(lines[8]).toBe('-1,0,0,0');
    expect(lines[8 + 69]).toBe('-1,69,0,1');
    expect(lines[8 + 114]).toBe(`0,0,0,${study.ratings[0]?.[0]?.[0]}`);
    expect(lines).toHaveLength(8 + 114 + 2 * 5 * 114 + 1);
  });

  it('reads its own output back to the same study and the same analysis', () => {
    const back = parseImrmc(formatImrmc(study));
    expect(back).toEqual(study);
    expect(orAnalysis(back)).toEqual(orAnalysis(study));
  });

  it('reads a file as iMRMC writes them: extra header lines, truth lines last, trailing commas, "truth" reader', () => {
    const text = [
      'Simulated study',
      '',
      'NR: 2',
      'N0: 2',
      'N1: 2',
      'NM: 1',
      'AUC1: 0.75',
      'BEGIN DATA:',
      'R1, c1, m, 0.5,,',
      'R1,c2,m,1.5',
      'R1,c3,m,2.5',
      'R1,c4,m,-1',
      'R2,c1,m,1',
      'R2,c2,m,2',
      'R2,c3,m,3',
      'R2,c4,m,4',
      '-1,c1,0,0',
      '-1,c2,0,0',
      'truth,c3,truth,1',
      '-1,c4,0,1,',
    ].join('\n');
    const s = parseImrmc(text);
    expect(s.title).toBe('Simulated study');
    expect(s.readers).toEqual(['R1', 'R2']);
    expect(s.treatments).toEqual(['m']);
    expect(s.cases.map((c) => `${c.id}:${c.truth}`)).toEqual(['c1:0', 'c2:0', 'c3:1', 'c4:1']);
    expect(s.ratings[0]).toEqual([
      [0.5, 1.5, 2.5, -1],
      [1, 2, 3, 4],
    ]);
  });

  it('refuses malformed files with the line and the reason', () => {
    const good = formatImrmc(parseLrc(SMALL));
    const lines = good.split('\n');
    const edit = (n: number, v: string | null): string => lines.flatMap((l, k) => (k === n - 1 ? (v === null ? [] : [v]) : [l])).join('\n');
    expect(lines.slice(0, 13)).toEqual(['Small study', '', 'NR: 2', 'N0: 2', 'N1: 2', 'NM: 2', '', 'BEGIN DATA:', '-1,n1,0,0', '-1,n2,0,0', '-1,p1,0,1', '-1,p2,0,1', 'r1,n1,A,1']);
    expectError(() => parseImrmc(' '), /parseImrmc: the file is empty/);
    expectError(() => parseImrmc(edit(8, 'DATA')), /no line "BEGIN DATA:"/);
    expectError(() => parseImrmc(edit(3, 'NR: five')), /line 3: NR: must be followed by a whole number, found "five"/);
    expectError(() => parseImrmc(edit(3, 'NR: 3')), /line 3: the header says NR: 3 but the data have 2/);
    expectError(() => parseImrmc(edit(9, '-1,n1,0,2')), /line 9: the truth of case "n1" must be 0 or 1, found 2/);
    expectError(() => parseImrmc(edit(10, '-1,n1,0,0')), /line 10: a second truth line for case "n1"/);
    expectError(() => parseImrmc(edit(9, null)), /line 12: case "n1" has no truth line/);
    expectError(() => parseImrmc(edit(13, 'r1,n1,A')), /line 13: expected 4 fields/);
    expectError(() => parseImrmc(edit(13, 'r1,n1,A,high')), /line 13: score "high" is not a number/);
    expectError(() => parseImrmc(edit(14, 'r1,n1,A,3')), /line 14: a second score by reader "r1" for case "n1" in modality "A"/);
    expectError(() => parseImrmc(edit(13, null)), /not fully crossed: 1 score is missing \(first: reader "r1", case "n1", modality "A"\)/);
    expectError(() => parseImrmc(lines.slice(0, 8).join('\n')), /no truth lines/);
  });

  it('never crashes with a TypeError on damaged files', () => {
    const rng = createRng('imrmc-fuzz');
    const base = formatImrmc(study).split('\n');
    for (let trial = 0; trial < 200; trial++) {
      const lines = [...base];
      for (let e = 0; e < 1 + rng.int(3); e++) {
        const at = rng.int(lines.length);
        const op = rng.int(4);
        if (op === 0) lines.splice(at, 1);
        else if (op === 1) lines.splice(at, 0, lines[rng.int(lines.length)] as string);
        else if (op === 2) lines[at] = ['BEGIN DATA:', ',,,', '', 'x', '1,2,3,4', '-1,0,0,0', 'NR: x'][rng.int(7)] as string;
        else lines.length = at;
      }
      try {
        parseImrmc(lines.join('\n'));
      } catch (e) {
        expect(e).toBeInstanceOf(Error);
        expect(e).not.toBeInstanceOf(TypeError);
        expect((e as Error).message).toMatch(/^parseImrmc: /);
      }
    }
  });

  it('refuses to write ids iMRMC would change or misread', () => {
    const s = parseLrc(SMALL);
    expectError(() => formatImrmc({ ...s, readers: ['-1', 'r2'] }), /reader id "-1" is the id iMRMC reserves for truth lines/);
    expectError(() => formatImrmc({ ...s, readers: ['r 1', 'r2'] }), /reader id "r 1" holds a comma or white space/);
    expectError(() => formatImrmc({ ...s, treatments: ['A,1', 'B'] }), /treatment id "A,1" holds a comma/);
    expectError(() => formatImrmc({ ...s, title: 'NR: 3 readers' }), /would be read as a header line/);
  });
});
