import { describe, expect, it } from 'vitest';
import { buildCueSprite, CUE_GAP_MS, encodeWav, SOUND_KEYS, toDataUri, type SoundKey } from '../../../src/audio/index.js';

const cues = buildCueSprite();
const { pcm, sampleRate, sprite } = cues;
const FULL_SCALE = 32767;
const toSample = (ms: number): number => Math.round((ms * sampleRate) / 1000);

function cueSamples(key: SoundKey): Int16Array {
  const [offsetMs, durationMs] = sprite[key];
  const start = toSample(offsetMs);
  return pcm.subarray(start, start + toSample(durationMs));
}

const rms = (x: Int16Array): number => Math.sqrt(x.reduce((sum, s) => sum + s * s, 0) / x.length);
const peak = (x: Int16Array): number => x.reduce((m, s) => Math.max(m, Math.abs(s)), 0);

/** Index of the first differing byte, or -1: cheaper than a deep toEqual on 90 KB and says where. */
function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return -1;
}

/** Zero crossings per second: about twice the dominant frequency for a tone whose fundamental dominates. */
function zeroCrossingRate(x: Int16Array): number {
  let crossings = 0;
  for (let i = 1; i < x.length; i++) {
    if (((x[i - 1] ?? 0) < 0) !== ((x[i] ?? 0) < 0)) crossings++;
  }
  return (crossings * sampleRate) / x.length;
}

describe('buildCueSprite', () => {
  it('is mono 16-bit at 22 050 Hz with every cue inside the buffer', () => {
    expect(sampleRate).toBe(22_050);
    expect(pcm).toBeInstanceOf(Int16Array);
    expect(Object.keys(sprite).sort()).toEqual([...SOUND_KEYS].sort());
    for (const key of SOUND_KEYS) {
      const [offsetMs, durationMs] = sprite[key];
      expect(offsetMs, key).toBeGreaterThanOrEqual(0);
      expect(durationMs, key).toBeGreaterThan(0);
      expect(toSample(offsetMs + durationMs), key).toBeLessThanOrEqual(pcm.length);
    }
  });

  it('keeps the designed lengths: short ticks, a longer fanfare', () => {
    const ms = (key: SoundKey): number => sprite[key][1];
    expect(ms('tick')).toBeLessThanOrEqual(60);
    expect(ms('tickUrgent')).toBeLessThanOrEqual(60);
    expect(ms('lock')).toBeGreaterThanOrEqual(80);
    expect(ms('lock')).toBeLessThanOrEqual(200);
    expect(ms('correct')).toBeGreaterThanOrEqual(250);
    expect(ms('wrong')).toBeGreaterThanOrEqual(250);
    expect(ms('roundComplete')).toBeGreaterThanOrEqual(700);
    expect(ms('roundComplete')).toBeLessThanOrEqual(1200);
  });

  it('never overlaps cues and leaves about 50 ms of true silence after each', () => {
    const ordered = [...SOUND_KEYS].sort((a, b) => sprite[a][0] - sprite[b][0]);
    const isCue = new Uint8Array(pcm.length);
    ordered.forEach((key, i) => {
      const [offsetMs, durationMs] = sprite[key];
      const next = ordered[i + 1];
      const nextStart = next === undefined ? pcm.length / (sampleRate / 1000) : sprite[next][0];
      expect(nextStart - (offsetMs + durationMs), key).toBeGreaterThanOrEqual(CUE_GAP_MS - 1);
      expect(CUE_GAP_MS).toBeGreaterThanOrEqual(40);
      isCue.fill(1, toSample(offsetMs), toSample(offsetMs + durationMs));
    });
    const strays = pcm.filter((s, i) => isCue[i] === 0 && s !== 0);
    expect(strays.length).toBe(0);
  });

  it.each(SOUND_KEYS)('%s is audible and unclipped', (key) => {
    const x = cueSamples(key);
    expect(rms(x)).toBeGreaterThan(0.05 * FULL_SCALE);
    expect(peak(x)).toBeLessThan(0.9 * FULL_SCALE);
  });

  it.each(SOUND_KEYS)('%s starts and ends at silence (no click)', (key) => {
    const x = cueSamples(key);
    const twoMs = toSample(2);
    expect(Math.abs(x[0] ?? Infinity)).toBeLessThanOrEqual(0.01 * FULL_SCALE);
    expect(Math.abs(x[x.length - 1] ?? Infinity)).toBeLessThanOrEqual(0.01 * FULL_SCALE);
    // A click is full level at the edge; an enveloped cue is still ramping in the first and last 2 ms.
    expect(peak(x.subarray(0, twoMs))).toBeLessThan(0.5 * peak(x));
    expect(peak(x.subarray(x.length - twoMs))).toBeLessThan(0.5 * peak(x));
  });

  it('makes cues that sound different: correct is higher than wrong, urgent tick higher than tick', () => {
    const zcr = (key: SoundKey): number => zeroCrossingRate(cueSamples(key));
    expect(zcr('correct')).toBeGreaterThan(2 * zcr('wrong'));
    expect(zcr('wrong') / 2).toBeLessThan(300); // a low buzz: dominant frequency under 300 Hz
    expect(zcr('tickUrgent')).toBeGreaterThan(1.3 * zcr('tick'));
  });

  it('is deterministic: the same bytes every time', () => {
    const again = buildCueSprite();
    expect(firstDifference(encodeWav(again.pcm, again.sampleRate), encodeWav(pcm, sampleRate))).toBe(-1);
    expect(again.sprite).toEqual(sprite);
  });
});

describe('encodeWav', () => {
  it('writes a valid 44-byte PCM mono header that parses back', () => {
    const bytes = encodeWav(pcm, sampleRate);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const ascii = (at: number): string => String.fromCharCode(...bytes.subarray(at, at + 4));
    expect(ascii(0)).toBe('RIFF');
    expect(view.getUint32(4, true)).toBe(bytes.length - 8);
    expect(ascii(8)).toBe('WAVE');
    expect(ascii(12)).toBe('fmt ');
    expect(view.getUint32(16, true)).toBe(16);
    expect(view.getUint16(20, true)).toBe(1); // PCM
    expect(view.getUint16(22, true)).toBe(1); // mono
    expect(view.getUint32(24, true)).toBe(sampleRate);
    expect(view.getUint32(28, true)).toBe(sampleRate * 2);
    expect(view.getUint16(32, true)).toBe(2);
    expect(view.getUint16(34, true)).toBe(16);
    expect(ascii(36)).toBe('data');
    expect(view.getUint32(40, true)).toBe(pcm.length * 2);
    expect(bytes.length).toBe(44 + pcm.length * 2);
    const i = toSample(sprite.correct[0]) + 1000;
    expect(view.getInt16(44 + 2 * i, true)).toBe(pcm[i]);
  });

  it('rejects a nonsense sample rate, naming the function', () => {
    expect(() => encodeWav(new Int16Array(4), 0)).toThrow(/encodeWav.*0/);
    expect(() => encodeWav(new Int16Array(4), 22050.5)).toThrow(RangeError);
  });
});

describe('toDataUri', () => {
  const decode = (uri: string): Uint8Array =>
    new Uint8Array(Buffer.from(uri.replace(/^data:audio\/wav;base64,/, ''), 'base64'));

  it('round-trips the WAV bytes through base64', () => {
    const bytes = encodeWav(pcm, sampleRate);
    const uri = toDataUri(bytes);
    expect(uri.startsWith('data:audio/wav;base64,UklGR')).toBe(true);
    expect(firstDifference(decode(uri), bytes)).toBe(-1);
  });

  it('pads correctly for every length modulo 3 (matches Node base64)', () => {
    for (const bytes of [[], [0xff], [0xff, 0x00], [0x00, 0x10, 0x83], [1, 2, 3, 4, 250]]) {
      const u8 = Uint8Array.from(bytes);
      expect(toDataUri(u8)).toBe(`data:audio/wav;base64,${Buffer.from(u8).toString('base64')}`);
    }
  });
});
