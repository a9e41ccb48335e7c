import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { faceIndexFor, type FontFaceFile } from './font-faces.js';

/**
 * The CME certificate as a one-page PDF, made where it is needed (the browser, or Node in tests) with pdf-lib and
 * fontkit: learner name, activity title, provider, date of completion, credits claimed and the accreditation
 * statement exactly as the provider entered it. Text is drawn with Noto Sans and, for Chinese, Japanese kanji and
 * other CJK names, Noto Sans SC (both SIL Open Font License 1.1), embedded as subsets: only the glyphs used go into
 * the file, so names such as Łukasz, Nguyễn Thị or 王芳 render on any reader without installed fonts.
 * A character no face covers is drawn as '?' and reported in `missing`, so the screen can say so.
 */
export interface CertificateData {
  readonly learnerName: string;
  readonly activityTitle: string;
  readonly provider: string;
  readonly completedOn: Date;
  /**
   * The IANA time zone the date of completion is the day of: the learner's (the browser's), so a learner who finishes
   * in the evening west of Greenwich, or in the morning east of it, is not given the next or the previous day. UTC
   * when not given.
   */
  readonly timeZone?: string;
  readonly credits: number;
  readonly creditUnit: string;
  readonly creditStatement: string;
  /**
   * Set when no LMS recorded the completion (the module opened outside an LMS): the page says so, and claims no
   * credit, so a standalone run cannot pass for an accredited one. 'browse' or 'review': the LMS opened the module in
   * that mode, which records nothing (cmi5 10.2.2; SCORM cmi.mode), so no credit is claimed either.
   */
  readonly notRecorded?: boolean | 'browse' | 'review';
}

export interface FontSource {
  /** Faces in priority order (Latin first, CJK last). */
  readonly faces: readonly FontFaceFile[];
  load(file: string): Promise<Uint8Array>;
}

export interface Certificate {
  readonly pdf: Uint8Array;
  /** Characters no font covers (drawn as '?'). */
  readonly missing: readonly string[];
  /** Font subset files that were loaded, for the size check. */
  readonly fontFiles: readonly string[];
}

type Run = { text: string; font: PDFFont };

class Typesetter {
  private readonly fonts = new Map<number, PDFFont>();
  readonly missing = new Set<string>();

  constructor(private readonly doc: PDFDocument, private readonly source: FontSource) {}

  get loaded(): string[] {
    return [...this.fonts.keys()].map((i) => this.source.faces[i]?.file ?? '');
  }

  /** Splits text into runs of one font each, loading each subset file once. */
  async runs(text: string): Promise<Run[]> {
    const out: Run[] = [];
    for (const ch of text) {
      let i = faceIndexFor(this.source.faces, ch.codePointAt(0) ?? 0);
      let c = ch;
      if (i < 0) {
        if (ch.trim() !== '') this.missing.add(ch);
        c = ch.trim() === '' ? ' ' : '?';
        i = faceIndexFor(this.source.faces, c.codePointAt(0) ?? 0);
      }
      const font = await this.font(i);
      const last = out.at(-1);
      if (last && last.font === font) last.text += c;
      else out.push({ text: c, font });
    }
    return out;
  }

  private async font(i: number): Promise<PDFFont> {
    const have = this.fonts.get(i);
    if (have) return have;
    const face = this.source.faces[i];
    if (!face) throw new Error(`Typesetter: no font face covers even '?' (face ${i})`);
    const font = await this.doc.embedFont(await this.source.load(face.file), { subset: true });
    this.fonts.set(i, font);
    return font;
  }
}

const width = (runs: readonly Run[], size: number): number => runs.reduce((w, r) => w + r.font.widthOfTextAtSize(r.text, size), 0);

function draw(page: PDFPage, runs: readonly Run[], x: number, y: number, size: number, color = rgb(0.1, 0.1, 0.12)): void {
  let cx = x;
  for (const r of runs) {
    page.drawText(r.text, { x: cx, y, size, font: r.font, color });
    cx += r.font.widthOfTextAtSize(r.text, size);
  }
}

async function centred(page: PDFPage, t: Typesetter, text: string, y: number, size: number, maxWidth: number, color?: RGB): Promise<void> {
  let s = size;
  const runs = await t.runs(text);
  while (width(runs, s) > maxWidth && s > 8) s -= 1; // a long name or title shrinks to fit rather than overflow
  draw(page, runs, (page.getWidth() - width(runs, s)) / 2, y, s, color);
}

/** Word-wraps (or, for text without spaces such as Chinese, character-wraps) into lines no wider than maxWidth. */
async function wrap(t: Typesetter, text: string, size: number, maxWidth: number): Promise<Run[][]> {
  const lines: Run[][] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const token of para.split(/(?<=\s)|(?=[\u3000-\u9fff\uac00-\ud7af])/u)) {
      const next = line + token;
      if (line !== '' && width(await t.runs(next.trimEnd()), size) > maxWidth) {
        lines.push(await t.runs(line.trimEnd()));
        line = token.trimStart();
      } else line = next;
    }
    lines.push(await t.runs(line.trimEnd()));
  }
  return lines;
}

const formatDate = (d: Date, timeZone = 'UTC'): string => d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone });
const formatCredits = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0$/, ''));

export async function makeCertificatePdf(data: CertificateData, fonts: FontSource): Promise<Certificate> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(`Certificate: ${data.activityTitle}`);
  doc.setSubject('Certificate of completion of an enduring CME activity');
  doc.setCreator('Real or Fake? radiograph deepfake reading trainer');
  if (data.provider) doc.setAuthor(data.provider);
  const page = doc.addPage([841.89, 595.28]); // A4 landscape, in points
  const t = new Typesetter(doc, fonts);
  const W = page.getWidth();
  const inner = W - 160;
  const muted = rgb(0.35, 0.35, 0.4);
  page.drawRectangle({ x: 28, y: 28, width: W - 56, height: page.getHeight() - 56, borderColor: rgb(0.55, 0.45, 0.2), borderWidth: 2 });
  page.drawRectangle({ x: 36, y: 36, width: W - 72, height: page.getHeight() - 72, borderColor: rgb(0.55, 0.45, 0.2), borderWidth: 0.6 });
  await centred(page, t, 'Certificate of Completion', 500, 30, inner);
  await centred(page, t, 'This certifies that', 455, 13, inner);
  await centred(page, t, data.learnerName, 410, 34, inner);
  page.drawLine({ start: { x: W / 2 - 220, y: 400 }, end: { x: W / 2 + 220, y: 400 }, thickness: 0.6, color: muted });
  await centred(page, t, 'has completed the enduring educational activity', 370, 13, inner);
  await centred(page, t, data.activityTitle, 335, 20, inner);
  if (data.provider) await centred(page, t, `provided by ${data.provider}`, 308, 13, inner);
  await centred(page, t, `Date of completion: ${formatDate(data.completedOn, data.timeZone)}`, 272, 13, inner);
  if (data.notRecorded) {
    const why = data.notRecorded === true ? 'Completed outside an LMS: no LMS recorded this completion' : `Taken in the LMS's ${data.notRecorded} mode: no completion was recorded`;
    await centred(page, t, `${why}, and no credit is claimed.`, 250, 13, inner, rgb(0.6, 0.1, 0.1));
  } else if (data.credits > 0) await centred(page, t, `Credits claimed: ${formatCredits(data.credits)} ${data.creditUnit}`, 250, 13, inner);
  let y = 212;
  for (const line of await wrap(t, data.creditStatement, 10, inner)) {
    draw(page, line, 80, y, 10, muted);
    y -= 14;
    if (y < 60) break; // the schema bounds the statement; a very long one is cut at the frame rather than overflow
  }
  return { pdf: await doc.save(), missing: [...t.missing], fontFiles: t.loaded };
}
