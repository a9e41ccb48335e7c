import { z } from 'zod';

/**
 * Manifest text is shown as text, never as HTML, but it still reaches terminals, logs and the DOM. Control
 * characters could rewrite a terminal line or hide text; bidirectional overrides can make a name read differently
 * from what it is ("Trojan Source", CVE-2021-42574). So they are removed on parse, and lengths are bounded so a
 * hostile manifest cannot make the UI or the validator do unbounded work.
 */
// C0 controls, DEL, C1 controls, bidi embeddings/overrides/isolates, zero-width and BOM characters.
const CONTROL_EXCEPT_NEWLINE_TAB = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
const LINE_BREAKS_AND_TABS = /[\t\n\r]+/g;

/** One line of text: breaks and tabs become a space, other controls are removed, ends are trimmed. */
export function cleanLine(s: string): string {
  return s.replace(LINE_BREAKS_AND_TABS, ' ').replace(CONTROL_EXCEPT_NEWLINE_TAB, '').trim();
}

/** Paragraphs: CRLF and CR become LF, other controls are removed, ends are trimmed. */
export function cleanParagraphs(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(CONTROL_EXCEPT_NEWLINE_TAB, '').trim();
}

export interface TextBounds {
  readonly min?: number;
  readonly max: number;
  readonly multiline?: boolean;
}

/**
 * A zod string that is cleaned, then checked: the raw length is bounded first (so cleaning never runs on
 * megabytes), the cleaned length against `min` and `max`.
 */
export function plainText({ min = 0, max, multiline = false }: TextBounds) {
  const clean = multiline ? cleanParagraphs : cleanLine;
  return z
    .string()
    .max(max * 2, { message: `too long (at most ${max} characters)` })
    .transform(clean)
    .pipe(
      z
        .string()
        .min(min, { message: min === 1 ? 'must not be empty' : `too short (at least ${min} characters)` })
        .max(max, { message: `too long (at most ${max} characters)` }),
    );
}
