import { describe, expect, it } from 'vitest';
import { THEME } from '../../../src/presenters/index.js';
import { coloursIn, contrastRatio, normaliseSelector, over, readDeclarations, resolveColour, type Declaration } from '../../helpers/contrast.js';

/**
 * The screens' colours, read from the stylesheets, reach WCAG 2.2 AA:
 * - 1.4.3: every text colour on every background it can be drawn on reaches 4.5:1. Type sizes follow the window
 *   (clamp() in styles.css), so no text is counted as large: the 3:1 allowance is never used.
 * - 1.4.11: the boundary of each control (its border or its fill) reaches 3:1 against the surfaces it sits on, and
 *   so do focus indicators and the graphical parts that carry meaning (the countdown bar, a review chip's edge).
 * - A pressed control (a tool, preset, lens, review chip, list row, the chosen rating) is told by more than colour
 *   (1.4.1): a check mark and a thicker ring; the chosen rating is not drawn in the focus colour and is bold.
 * Every colour a screen rule declares is accounted for: text and backgrounds are checked against each other
 * automatically; a fill with text of its own and each border are named below, checked or listed as decorative with
 * the reason, so a colour added to a stylesheet fails here until it is placed.
 * Inactive (disabled) controls are exempt from 1.4.3 and 1.4.11 and are not checked.
 */
const FILES = ['src/styles.css', 'src/styles-drill.css', 'src/training.css'];
const ALL = FILES.flatMap((f) => readDeclarations(f));
const isPrint = (d: Declaration): boolean => d.media !== null && /\bprint\b/.test(d.media);
const SCREEN = ALL.filter((d) => !isPrint(d));
const PRINT = ALL.filter(isPrint);
const TOKENS = new Map(SCREEN.filter((d) => d.selector === ':root' && d.property.startsWith('--')).map((d) => [d.property, d.value]));

const TEXT_PROPS = new Set(['color', 'fill']);
const BACKGROUND_PROPS = new Set(['background', 'background-color']);
const EDGE_PROPS = /^(border(-(top|right|bottom|left))?(-color)?|outline(-color)?|box-shadow)$/;

/** The resolved colours a selector declares for the given properties, across the three files (screen rules). */
function declared(selector: string, props: (p: string) => boolean): string[] {
  const sel = normaliseSelector(selector);
  return [...new Set(SCREEN.filter((d) => d.selector === sel && props(d.property)).flatMap((d) => coloursIn(d.value).map((c) => resolveColour(c, TOKENS))))];
}
/** The same, for a rule this test names: it must declare such a colour. */
function colours(selector: string, props: (p: string) => boolean, what: string): string[] {
  const found = declared(selector, props);
  if (found.length === 0) throw new Error(`"${selector}" declares no ${what} colour in ${FILES.join(', ')}`);
  return found;
}
const text = (s: string): string[] => colours(s, (p) => TEXT_PROPS.has(p), 'text');
const background = (s: string): string[] => colours(s, (p) => BACKGROUND_PROPS.has(p), 'background');
const edge = (s: string): string[] => colours(s, (p) => EDGE_PROPS.test(p), 'border, outline or ring');
/** The value a rule declares for a property (screen rules), if it does. */
const decl = (sel: string, prop: string): string | undefined => SCREEN.find((d) => d.selector === normaliseSelector(sel) && d.property === prop)?.value;
const one = (cs: string[], what: string): string => {
  if (cs.length !== 1) throw new Error(`${what}: expected one colour, found ${cs.join(', ')}`);
  return cs[0] as string;
};

/** Fills that carry text of their own (checked pair by pair below) or none; every other background is a surface, for any text. */
const FILLS: Record<string, string> = {
  '.rating-1': 'rating 1 (definitely real)',
  '.rating-2': 'rating 2',
  '.rating-3': 'rating 3',
  '.rating-4': 'rating 4',
  '.rating-5': 'rating 5',
  '.rating-6': 'rating 6 (definitely fake)',
  '.btn-primary': 'the primary button',
  '.btn-danger': 'a button that deletes',
  '.countdown-fill': 'the countdown bar (no text)',
  '.join-code .qr': 'the QR code (a white card, no text)',
  '.screen-dialogs.open': 'the backdrop under a dialog (no text: the dialog has its own background)',
};

/** Text drawn on one of those fills: the text's rule, and the fills it is drawn on. */
const TEXT_ON_FILLS: readonly { text: string; on: readonly string[] }[] = [
  { text: '.ratings .btn', on: ['.rating-2', '.rating-3', '.rating-4', '.rating-5', '.rating-6'] },
  { text: '.ratings .rating-1', on: ['.rating-1'] },
  // The chosen rating takes the pressed buttons' fill.
  { text: ".ratings .btn[aria-pressed='true']", on: [".btn[aria-pressed='true']"] },
  { text: '.btn-primary', on: ['.btn-primary'] },
  { text: '.btn-primary kbd', on: ['.btn-primary'] },
  { text: '.btn-danger', on: ['.btn-danger'] },
  { text: '.btn-danger kbd', on: ['.btn-danger'] },
];

const textRules = [...new Set(SCREEN.filter((d) => TEXT_PROPS.has(d.property)).map((d) => d.selector))];
const backgroundRules = [...new Set(SCREEN.filter((d) => BACKGROUND_PROPS.has(d.property)).map((d) => d.selector))];
const onFill = new Set(TEXT_ON_FILLS.map((t) => normaliseSelector(t.text)));
const fillRules = new Set(Object.keys(FILLS).map(normaliseSelector));
/** Where free text, controls and focus rings are drawn: every background but the fills. */
const SURFACES = backgroundRules.filter((s) => !fillRules.has(s)).flatMap((s) => background(s).map((c) => ({ rule: s, colour: c })));
/** Text colours that sit on whatever surface holds them. */
const FREE_TEXT = textRules.filter((s) => !onFill.has(s)).flatMap((s) => text(s).map((c) => ({ rule: s, colour: c })));

/** The surfaces controls are placed on: the page, the side panels and dialogs, the top bar, the header panel. */
const CONTROL_SURFACES = ['body', '.side', '.dialog', '.hud', '.header-panel'];

/**
 * Controls and the meaningful graphics, with the surfaces around them: a boundary (a border, a ring or the fill
 * itself) must reach 3:1 against each.
 */
const BOUNDARIES: readonly { what: string; rule: string; on: readonly string[]; fill?: string }[] = [
  { what: 'a button', rule: '.btn', fill: '.btn', on: CONTROL_SURFACES },
  { what: 'a button under the pointer', rule: '.btn:hover:not(:disabled)', fill: '.btn', on: CONTROL_SURFACES },
  { what: 'a pressed button', rule: ".btn[aria-pressed='true']", fill: ".btn[aria-pressed='true']", on: [...CONTROL_SURFACES, 'table.data tr.row-shown'] },
  { what: 'the primary button', rule: '.btn-primary', fill: '.btn-primary', on: CONTROL_SURFACES },
  { what: 'a delete button', rule: '.btn-danger', fill: '.btn-danger', on: CONTROL_SURFACES },
  ...[1, 2, 3, 4, 5, 6].map((r) => ({ what: `rating ${r}`, rule: '.ratings .btn', fill: `.rating-${r}`, on: ['.side'] })),
  { what: 'the chosen rating', rule: ".ratings .btn[aria-pressed='true']", fill: ".btn[aria-pressed='true']", on: ['.side'] },
  { what: 'a form field (styles.css)', rule: '.field input', fill: '.field input', on: ['body', '.dialog'] },
  { what: 'a select', rule: '.field select', fill: '.field select', on: ['body', '.dialog'] },
  { what: 'a text area', rule: '.field textarea', fill: '.field textarea', on: ['body', '.dialog'] },
  { what: 'the join link box', rule: '.link-text', fill: '.link-text', on: ['body', '.dialog'] },
  { what: "a drill's name field", rule: '.text-input', fill: '.text-input', on: ['body', '.dialog'] },
  { what: 'a checked checkbox', rule: '.check input', on: ['body', '.dialog'] },
  { what: 'a chosen Likert option', rule: '.likert-option input', on: ['body', '.dialog'] },
  { what: 'the countdown bar (time left)', rule: '.countdown-fill', fill: '.countdown-fill', on: ['.countdown-slot'] },
  { what: "a review chip's right edge", rule: '.chip-right', on: ['.btn', ".btn[aria-pressed='true']"] },
  { what: "a review chip's wrong edge", rule: '.chip-wrong', on: ['.btn', ".btn[aria-pressed='true']"] },
];

/** Focus indicators: drawn outside the element (outline-offset), so against every surface. */
const FOCUS_RULES = [':focus-visible', '.text-input:focus-visible', 'ul.module-problem:focus'];

/** Edges that are not the boundary of a control or a meaningful graphic (WCAG 1.4.11 does not ask them for 3:1). */
const DECORATIVE_EDGES: Record<string, string> = {
  '#viewer-layer .viewer-frame': 'frames the radiograph, which fills it',
  '.hud': 'separates the top bar from the page',
  '.countdown-slot': 'the track of the countdown bar; the bar itself is checked',
  '.header-panel': 'frames a panel of text',
  '.side': 'separates the side panel from the image',
  '.review-body': 'separates the explanation from the answer',
  '.side-foot': 'separates the way on from the text above it',
  '.dialog': 'frames a dialog, which the backdrop already sets apart',
  '.controls th': 'rules between the rows of a table',
  '.controls td': 'rules between the rows of a table',
  '.report': 'frames a block of text',
  '.plot': 'frames a plot',
  '.module-notice': 'frames a notice, whose text says what it is',
  '.module-problem': 'frames a problem list, whose text says what it is',
  '.module-passmark': 'marks a paragraph of text',
  '.teaching-entry': 'frames a block of text',
  '.scores th': 'rules between the rows of a table',
  '.scores td': 'rules between the rows of a table',
  '.certificate-box': 'frames a block of text',
  '.module-form fieldset': 'groups fields, each with its own label and boundary',
  fieldset: 'groups fields, each with its own label and boundary',
  '.ai-badge': 'frames a line of text (not a control)',
  '.drill-run': 'separates the runs of a report',
  '.drill-table th': 'rules between the rows of a table',
  '.drill-table td': 'rules between the rows of a table',
  'table.data th': 'rules between the rows of a table',
  'table.data td': 'rules between the rows of a table',
  '.training-result': 'frames a block of text',
  '.drop-hint': 'frames the text that says where to drop files',
  kbd: 'frames a key name inside a button or a table; the text is what is read',
  '.btn-primary kbd': 'frames a key name inside a button',
};

const fmt = (r: number): string => r.toFixed(2);
/** A translucent background as seen over the page. */
const opaque = (c: string): string | readonly [number, number, number] => (c.startsWith('rgba') ? over(c, one(background('body'), 'the page')) : c);

describe('the contrast function follows WCAG 2.2', () => {
  it('gives the known ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    // #767676 is the lightest grey that reaches 4.5:1 on white; #777777 is not.
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThan(4.5);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
    expect(contrastRatio('#fff', '#000')).toBe(contrastRatio('#000000', '#ffffff'));
    expect(over('rgba(0, 0, 0, 0.5)', '#ffffff')).toEqual([128, 128, 128]);
  });
});

describe('the stylesheets keep WCAG 2.2 AA contrast', () => {
  it('declare the tokens the Phaser theme mirrors (src/presenters/theme.ts)', () => {
    const hex = (n: number): string => `#${n.toString(16).padStart(6, '0')}`;
    expect({
      bg: TOKENS.get('--bg'), panel: TOKENS.get('--panel'), edge: TOKENS.get('--edge'), text: TOKENS.get('--text'), dim: TOKENS.get('--dim'),
      accent: TOKENS.get('--accent'), good: TOKENS.get('--good'), bad: TOKENS.get('--bad'),
    }).toEqual({
      bg: hex(THEME.bg), panel: hex(THEME.panel), edge: hex(THEME.panelEdge), text: THEME.text, dim: THEME.dim,
      accent: THEME.accentText, good: THEME.good, bad: THEME.bad,
    });
  });

  it('every rule named here exists, and every background is a surface or a named fill', () => {
    for (const s of [...Object.keys(FILLS), ...TEXT_ON_FILLS.flatMap((t) => t.on)]) expect(background(s).length, s).toBeGreaterThan(0);
    for (const t of TEXT_ON_FILLS) expect(text(t.text).length, t.text).toBeGreaterThan(0);
    expect(SURFACES.length).toBeGreaterThan(5);
    expect(FREE_TEXT.length).toBeGreaterThan(5);
  });

  it('text reaches 4.5:1 on every surface it can sit on (1.4.3)', () => {
    const fails: string[] = [];
    for (const t of FREE_TEXT) {
      for (const s of SURFACES) {
        const r = contrastRatio(t.colour, opaque(s.colour));
        if (r < 4.5) fails.push(`${t.rule} ${t.colour} on ${s.rule} ${s.colour}: ${fmt(r)}`);
      }
    }
    expect(fails).toEqual([]);
  });

  it('text on a fill of its own reaches 4.5:1 (1.4.3)', () => {
    const fails: string[] = [];
    for (const t of TEXT_ON_FILLS) {
      for (const fg of text(t.text)) {
        for (const f of t.on) {
          for (const bg of background(f)) {
            const r = contrastRatio(fg, bg);
            if (r < 4.5) fails.push(`${t.text} ${fg} on ${f} ${bg}: ${fmt(r)}`);
          }
        }
      }
    }
    expect(fails).toEqual([]);
  });

  it('controls and meaningful graphics have a boundary of 3:1 against what is around them (1.4.11)', () => {
    const fails: string[] = [];
    for (const b of BOUNDARIES) {
      // What can draw the boundary: the rule's border or ring, a checkbox's accent colour, the control's fill.
      const marks = [...declared(b.rule, (p) => EDGE_PROPS.test(p) || p === 'accent-color'), ...(b.fill ? background(b.fill) : [])];
      expect(marks.length, b.what).toBeGreaterThan(0);
      for (const around of b.on) {
        for (const bg of background(around)) {
          const best = Math.max(...marks.map((m) => contrastRatio(m, bg)));
          if (best < 3) fails.push(`${b.what} (${b.rule}: ${marks.join(', ')}) on ${around} ${bg}: best ${fmt(best)}`);
        }
      }
    }
    expect(fails).toEqual([]);
  });

  it('focus indicators reach 3:1 against every surface (1.4.11, 2.4.7)', () => {
    const fails: string[] = [];
    for (const f of FOCUS_RULES) {
      for (const c of edge(f)) {
        for (const s of SURFACES) {
          const r = contrastRatio(c, opaque(s.colour));
          if (r < 3) fails.push(`${f} ${c} on ${s.rule} ${s.colour}: ${fmt(r)}`);
        }
      }
    }
    expect(fails).toEqual([]);
  });

  it('every border, outline and ring is a checked boundary or focus indicator, or listed as decorative', () => {
    const checked = new Set([...BOUNDARIES.map((b) => b.rule), ...FOCUS_RULES].map(normaliseSelector));
    const decorative = new Set(Object.keys(DECORATIVE_EDGES).map(normaliseSelector));
    const edges = SCREEN.filter((d) => EDGE_PROPS.test(d.property) && coloursIn(d.value).length > 0);
    const unplaced = [...new Set(edges.map((d) => d.selector).filter((s) => !checked.has(s) && !decorative.has(s)))];
    expect(unplaced).toEqual([]);
    const stale = [...decorative].filter((s) => !edges.some((d) => d.selector === s));
    expect(stale).toEqual([]);
  });

  it('a pressed control is told by more than colour: a check mark and a thicker ring (1.4.1)', () => {
    // Every toggle (aria-pressed, true or false) has the mark, shown only when pressed: its room is kept either way.
    expect(decl('.btn[aria-pressed]::after', 'content')).toMatch(/^['"]✓['"]/);
    expect(decl('.btn[aria-pressed]::after', 'visibility')).toBe('hidden');
    expect(decl(".btn[aria-pressed='true']::after", 'visibility')).toBe('visible');
    // A ring inside the border doubles its width: a shape, not only a hue.
    expect(decl(".btn[aria-pressed='true']", 'box-shadow')).toMatch(/^inset 0 0 0 \d/);
  });

  it('the chosen rating is not drawn in the focus colour and is told by more than colour', () => {
    const focus = one(edge(':focus-visible'), 'focus ring');
    const chosen = ".ratings .btn[aria-pressed='true']";
    expect(edge(chosen)).not.toContain(focus);
    expect(edge(chosen).every((c) => contrastRatio(c, focus) >= 1.5), 'the chosen ring looks unlike the focus ring').toBe(true);
    // Besides the check mark of every pressed button (above): a white ring and bold text.
    expect(decl(chosen, 'box-shadow')).toMatch(/^inset/);
    expect(decl(chosen, 'font-weight')).toMatch(/bold|[6-9]00/);
  });

  it('the printed reports keep 4.5:1 on white paper', () => {
    const paper = '#ffffff';
    const printText = PRINT.filter((d) => TEXT_PROPS.has(d.property)).flatMap((d) => coloursIn(d.value).map((c) => ({ rule: d.selector, colour: resolveColour(c, TOKENS) })));
    const paperBgs = [...new Set(PRINT.filter((d) => BACKGROUND_PROPS.has(d.property)).flatMap((d) => coloursIn(d.value)))];
    expect(paperBgs).toEqual([paper]);
    expect(printText.length).toBeGreaterThan(3);
    expect(printText.filter((t) => contrastRatio(t.colour, paper) < 4.5)).toEqual([]);
  });
});
