/**
 * The game's sound cues, synthesised by code into one sprite. Pure: no DOM, no Howler. Generating the cues keeps the
 * repository free of binary assets with unclear licences, makes the sound reviewable as data, and lets tests check
 * what a player hears (loudness, pitch, clicks) instead of trusting a file.
 */

export const SOUND_KEYS = ['tick', 'tickUrgent', 'lock', 'correct', 'wrong', 'roundComplete'] as const;
export type SoundKey = (typeof SOUND_KEYS)[number];

/** 22 050 Hz mono is plenty for cues under 3 kHz and keeps the inlined data URI around 130 KB. */
export const CUE_SAMPLE_RATE = 22_050;

/**
 * Silence between cues. It absorbs the end-timer overrun of HTML5 Audio sprites (Howler stops a sprite with a
 * setTimeout, which can fire late), so one cue never bleeds into the next.
 */
export const CUE_GAP_MS = 50;

export interface CueSprite {
  readonly pcm: Int16Array;
  readonly sampleRate: number;
  readonly sprite: Record<SoundKey, [offsetMs: number, durationMs: number]>;
}

/** One voice inside a cue. Times in ms from the cue start; harmonics are amplitudes of partials 1, 2, 3, ... */
interface Note {
  readonly hz: number;
  /** End frequency for a glide (exponential, as pitch is heard logarithmically). */
  readonly toHz?: number;
  readonly atMs: number;
  readonly forMs: number;
  readonly attackMs: number;
  readonly releaseMs: number;
  /** Exponential decay rate in 1/s after the attack; 0 holds the level. */
  readonly decayPerS: number;
  readonly gain: number;
  readonly harmonics: readonly number[];
}

interface Cue {
  readonly durationMs: number;
  /** Peak level as a fraction of full scale after normalisation; headroom avoids clipping in the mixer. */
  readonly peak: number;
  readonly notes: readonly Note[];
}

// Equal-temperament pitches (A4 = 440 Hz).
const G4 = 392.0;
const C5 = 523.25;
const E5 = 659.26;
const G5 = 783.99;
const A5 = 880.0;
const C6 = 1046.5;

const BLIP = { atMs: 0, forMs: 40, attackMs: 5, releaseMs: 10, decayPerS: 60, gain: 1, harmonics: [1, 0.2] };
const BELL = { attackMs: 8, releaseMs: 40, decayPerS: 6, gain: 1, harmonics: [1, 0, 0.15] };
const BRASS = { attackMs: 10, decayPerS: 3, gain: 1, harmonics: [1, 0.45, 0.25, 0.1] };

/**
 * The cue designs. Attacks of at least 5 ms and raised-cosine releases keep every cue free of clicks; the wrong cue
 * is low and falling but uses few, quickly fading harmonics so it reads as "no" without being harsh.
 */
const CUES: Record<SoundKey, Cue> = {
  tick: { durationMs: 40, peak: 0.45, notes: [{ ...BLIP, hz: 1500 }] },
  tickUrgent: { durationMs: 40, peak: 0.55, notes: [{ ...BLIP, hz: 2400 }] },
  lock: {
    durationMs: 120,
    peak: 0.5,
    notes: [
      { hz: E5, atMs: 0, forMs: 65, attackMs: 6, releaseMs: 20, decayPerS: 8, gain: 1, harmonics: [1, 0.15] },
      { hz: A5, atMs: 55, forMs: 65, attackMs: 6, releaseMs: 25, decayPerS: 8, gain: 1, harmonics: [1, 0.15] },
    ],
  },
  correct: {
    durationMs: 350,
    peak: 0.6,
    notes: [C5, E5, G5, C6].map((hz, i) => ({ ...BELL, hz, atMs: i * 70, forMs: 350 - i * 70 })),
  },
  wrong: {
    durationMs: 350,
    peak: 0.55,
    notes: [
      { hz: 233, toHz: 150, atMs: 0, forMs: 350, attackMs: 10, releaseMs: 80, decayPerS: 2, gain: 1,
        harmonics: [1, 0.35, 0.15, 0.06] },
      // A slightly detuned second voice beats against the first: a soft buzz instead of a harsh square wave.
      { hz: 236, toHz: 152, atMs: 0, forMs: 350, attackMs: 10, releaseMs: 80, decayPerS: 2, gain: 0.6,
        harmonics: [1, 0.35, 0.15, 0.06] },
    ],
  },
  roundComplete: {
    durationMs: 900,
    peak: 0.6,
    notes: [
      { ...BRASS, hz: G4, atMs: 0, forMs: 120, releaseMs: 30 },
      { ...BRASS, hz: C5, atMs: 110, forMs: 120, releaseMs: 30 },
      { ...BRASS, hz: E5, atMs: 220, forMs: 120, releaseMs: 30 },
      // The closing C major chord rings out over the rest of the cue.
      ...[C5, E5, G5].map((hz) => ({ ...BRASS, hz, atMs: 330, forMs: 570, releaseMs: 300, gain: 0.8 })),
    ],
  },
};

const msToSamples = (ms: number, sampleRate: number): number => Math.round((ms * sampleRate) / 1000);

/** 0 -> 1 over `len` samples along half a cosine: smooth at both ends, so no step and no kink. */
const raisedCosine = (i: number, len: number): number => (i >= len ? 1 : 0.5 - 0.5 * Math.cos((Math.PI * i) / len));

function addNote(out: Float64Array, note: Note, sampleRate: number): void {
  const start = msToSamples(note.atMs, sampleRate);
  const length = Math.min(msToSamples(note.forMs, sampleRate), out.length - start);
  const attack = msToSamples(note.attackMs, sampleRate);
  const release = msToSamples(note.releaseMs, sampleRate);
  const toHz = note.toHz ?? note.hz;
  const harmonics = note.harmonics;
  let phase = 0;
  for (let i = 0; i < length; i++) {
    const t = i / sampleRate;
    // Envelope: raised-cosine attack, exponential decay, raised-cosine release reaching 0 on the last sample.
    const envelope =
      note.gain *
      raisedCosine(i, attack) *
      Math.exp(-note.decayPerS * Math.max(0, t - note.attackMs / 1000)) *
      raisedCosine(length - 1 - i, release);
    let wave = 0;
    for (let k = 0; k < harmonics.length; k++) {
      const amp = harmonics[k] ?? 0;
      if (amp !== 0) wave += amp * Math.sin((k + 1) * phase);
    }
    out[start + i] = (out[start + i] ?? 0) + envelope * wave;
    // Accumulating phase (not 2*pi*f*t) keeps a glide continuous.
    const hz = note.hz * (toHz / note.hz) ** (i / Math.max(1, length - 1));
    phase += (2 * Math.PI * hz) / sampleRate;
  }
}

function renderCue(cue: Cue, sampleRate: number): Int16Array {
  const mix = new Float64Array(msToSamples(cue.durationMs, sampleRate));
  for (const note of cue.notes) addNote(mix, note, sampleRate);
  let max = 0;
  for (const x of mix) max = Math.max(max, Math.abs(x));
  if (max === 0) throw new Error(`renderCue: cue of ${cue.durationMs} ms rendered silent`);
  const scale = (cue.peak * 32767) / max;
  return Int16Array.from(mix, (x) => Math.round(x * scale));
}

/**
 * Renders every cue into one mono 16-bit buffer, in SOUND_KEYS order, each followed by CUE_GAP_MS of silence, and
 * returns the Howler sprite map (offset and duration in ms). Deterministic: no randomness, same bytes every call.
 */
export function buildCueSprite(): CueSprite {
  const sampleRate = CUE_SAMPLE_RATE;
  const rendered = SOUND_KEYS.map((key) => ({ key, samples: renderCue(CUES[key], sampleRate) }));
  const sprite = {} as Record<SoundKey, [offsetMs: number, durationMs: number]>;
  // Offsets are whole milliseconds so the sprite map stays readable; each cue starts at the sample nearest its offset.
  let offsetMs = 0;
  for (const { key } of rendered) {
    sprite[key] = [offsetMs, CUES[key].durationMs];
    offsetMs += CUES[key].durationMs + CUE_GAP_MS;
  }
  const pcm = new Int16Array(msToSamples(offsetMs, sampleRate));
  for (const { key, samples } of rendered) pcm.set(samples, msToSamples(sprite[key][0], sampleRate));
  return { pcm, sampleRate, sprite };
}

/**
 * A 16-bit PCM mono WAV file: the canonical 44-byte RIFF header (RIFF chunk, 16-byte "fmt " chunk with
 * WAVE_FORMAT_PCM = 1, "data" chunk), little-endian, as in Microsoft/IBM "Multimedia Programming Interface and Data
 * Specifications 1.0" (1991). Written by hand because it is 44 fixed bytes for the one format we emit; a library
 * would add weight to the bundle and nothing else.
 */
export function encodeWav(pcm: Int16Array, sampleRate: number): Uint8Array {
  if (!Number.isInteger(sampleRate) || sampleRate <= 0) {
    throw new RangeError(`encodeWav: sampleRate must be a positive integer, got ${sampleRate}`);
  }
  const channels = 1;
  const bytesPerSample = 2;
  const dataBytes = pcm.length * bytesPerSample;
  const bytes = new Uint8Array(44 + dataBytes);
  const view = new DataView(bytes.buffer);
  const ascii = (at: number, text: string): void => {
    for (let i = 0; i < text.length; i++) view.setUint8(at + i, text.charCodeAt(i));
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true); // file size minus the 8 bytes of "RIFF" and this field
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true); // fmt chunk size for PCM
  view.setUint16(20, 1, true); // WAVE_FORMAT_PCM
  view.setUint16(22, channels, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * channels * bytesPerSample, true); // byte rate
  view.setUint16(32, channels * bytesPerSample, true); // block align
  view.setUint16(34, 8 * bytesPerSample, true); // bits per sample
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);
  pcm.forEach((s, i) => view.setInt16(44 + i * bytesPerSample, s, true));
  return bytes;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * RFC 4648 base64 written out, so the same code runs in the browser, in a worker and under Node (no Buffer, and
 * btoa would need a binary string built first anyway).
 */
function toBase64(bytes: Uint8Array): string {
  const chars: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const triple = (a << 16) | (b << 8) | c;
    chars.push(
      BASE64.charAt((triple >> 18) & 63),
      BASE64.charAt((triple >> 12) & 63),
      i + 1 < bytes.length ? BASE64.charAt((triple >> 6) & 63) : '=',
      i + 2 < bytes.length ? BASE64.charAt(triple & 63) : '=',
    );
  }
  return chars.join('');
}

export function toDataUri(bytes: Uint8Array): string {
  return `data:audio/wav;base64,${toBase64(bytes)}`;
}
