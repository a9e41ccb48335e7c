import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/**
 * Layout and accessibility checks on what the page shows, measured on element boxes (not pixels):
 * - every line of text lies inside the window, or inside a scrolling panel that lies inside the window;
 * - no two lines of text from different text nodes overlap;
 * - no element clips its text (overflow hidden with content larger than its box);
 * and axe-core (WCAG 2.2 A and AA rules and best practice) finds no violation of any impact (see axeFailures).
 * While a dialog is open only the dialog is checked: the page under it is inert and dimmed.
 */
export interface LayoutProblem {
  readonly kind: 'offscreen' | 'overlap' | 'clipped';
  readonly detail: string;
}

export async function layoutProblems(page: Page): Promise<LayoutProblem[]> {
  return page.evaluate(() => {
    const problems: { kind: 'offscreen' | 'overlap' | 'clipped'; detail: string }[] = [];
    const W = window.innerWidth;
    const H = window.innerHeight;
    const dialog = document.querySelector('#screen-dialogs [role="dialog"]');
    const root: Element = dialog ?? document.getElementById('screen-base') ?? document.body;
    const visible = (el: Element): boolean => {
      // Inside a closed <details> nothing is rendered (content-visibility), though the boxes keep a position.
      if (!el.checkVisibility({ contentVisibilityAuto: true })) return false;
      for (let e: Element | null = el; e; e = e.parentElement) {
        const cs = getComputedStyle(e);
        if (cs.display === 'none' || cs.visibility === 'hidden' || e.classList.contains('sr-only') || e.getAttribute('aria-hidden') === 'true') return false;
      }
      return true;
    };
    /** The box a line can be seen through: the intersection of its scrolling ancestors, or null when it has none. */
    const clipBox = (el: Element): { left: number; top: number; right: number; bottom: number } | null => {
      let box: { left: number; top: number; right: number; bottom: number } | null = null;
      for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) {
        const cs = getComputedStyle(e);
        if (!/(auto|scroll|hidden)/.test(cs.overflowY + cs.overflowX)) continue;
        const r = e.getBoundingClientRect();
        box = box
          ? { left: Math.max(box.left, r.left), top: Math.max(box.top, r.top), right: Math.min(box.right, r.right), bottom: Math.min(box.bottom, r.bottom) }
          : { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      }
      return box;
    };
    const name = (el: Element): string => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    const lines: { rect: DOMRect; node: Text; el: Element; hidden: boolean }[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const t = n as Text;
      const el = t.parentElement;
      if (!el || !(t.textContent ?? '').trim() || !visible(el)) continue;
      const range = document.createRange();
      range.selectNodeContents(t);
      const clip = clipBox(el);
      for (const r of range.getClientRects()) {
        if (r.width <= 0.5 || r.height <= 0.5) continue;
        // What shows of the line: a line scrolled partly out of its panel is hidden there, not overlapping.
        const rect = clip
          ? new DOMRect(Math.max(r.left, clip.left), Math.max(r.top, clip.top), Math.min(r.right, clip.right) - Math.max(r.left, clip.left), Math.min(r.bottom, clip.bottom) - Math.max(r.top, clip.top))
          : r;
        lines.push({ rect: rect.width > 0 && rect.height > 0 ? rect : r, node: t, el, hidden: !(rect.width > 0 && rect.height > 0) });
      }
    }
    for (const { rect, el } of lines) {
      const box = clipBox(el);
      if (box) {
        if (box.left < -1 || box.top < -1 || box.right > W + 1 || box.bottom > H + 1) problems.push({ kind: 'offscreen', detail: `scrolling panel of ${name(el)} runs off the window` });
      } else if (rect.left < -1 || rect.top < -1 || rect.right > W + 1 || rect.bottom > H + 1) {
        problems.push({ kind: 'offscreen', detail: `${name(el)} at ${Math.round(rect.left)},${Math.round(rect.top)} ${Math.round(rect.width)}x${Math.round(rect.height)}` });
      }
    }
    for (let i = 0; i < lines.length; i++) {
      for (let j = i + 1; j < lines.length; j++) {
        const a = lines[i] as (typeof lines)[number];
        const b = lines[j] as (typeof lines)[number];
        if (a.node === b.node || a.hidden || b.hidden) continue;
        const w = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
        const h = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
        // Lines of text touch by a pixel or two (line-height); an overlap is more than that in both directions.
        if (w > 2 && h > 3) problems.push({ kind: 'overlap', detail: `${name(a.el)} overlaps ${name(b.el)}` });
      }
    }
    for (const el of root.querySelectorAll('*')) {
      if (!visible(el) || !(el.textContent ?? '').trim()) continue;
      const cs = getComputedStyle(el);
      if (cs.overflowX === 'hidden' && el.scrollWidth > el.clientWidth + 1) problems.push({ kind: 'clipped', detail: `${name(el)} is cut off sideways` });
      if (cs.overflowY === 'hidden' && el.scrollHeight > el.clientHeight + 1) problems.push({ kind: 'clipped', detail: `${name(el)} is cut off at the bottom` });
    }
    return problems;
  });
}

const require = createRequire(import.meta.url);
let axeSource: string | null = null;

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly string[];
}

interface AxeInPage {
  run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }>;
  setup(node: Node): unknown;
  teardown(): void;
  commons: { dom: { isModalOpen(): boolean } };
}

/**
 * Runs axe-core in the page (injected through the debugging protocol, so the page's CSP stays as it is). With no
 * dialog open, it first asks axe whether it takes the page for an open modal: axe guesses one from any element that
 * covers the window with position fixed or absolute and takes pointer events, and then passes page-has-heading-one,
 * landmark-one-main and its aria-hidden focus checks without looking. That guess is reported as a violation of its own,
 * and so is an <aside> inside <main>, which axe allows.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.evaluate(`${axeSource};0`);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: AxeInPage }).axe;
    const dialog = document.querySelector('#screen-dialogs [role="dialog"]');
    const found: { id: string; impact: string | null; help: string; nodes: string[] }[] = [];
    if (!dialog) {
      // axe's landmark-complementary-is-top-level lets an <aside> sit inside <main>; the side panels must not (ARIA APG:
      // a complementary landmark is top level).
      const nested = [...document.querySelectorAll('main aside, main [role="complementary"], [role="main"] aside, [role="main"] [role="complementary"]')];
      if (nested.length > 0) {
        found.push({ id: 'complementary-inside-main', impact: null, help: 'A complementary landmark (aside) sits inside main', nodes: nested.map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}.${e.className}`) });
      }
      axe.setup(document);
      try {
        if (axe.commons.dom.isModalOpen()) {
          found.push({ id: 'axe-sees-a-modal', impact: null, help: 'No dialog is open, yet axe takes the page for a modal and skips its page-level checks', nodes: ['html'] });
        }
      } finally {
        axe.teardown();
      }
    }
    const r = await axe.run(dialog ?? document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return [...found, ...r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }))];
  });
}

/**
 * axe rules that cannot apply to this game, by id, each with its reason; the one place to allow a rule. Empty: every
 * rule applies. (axe rates the heading and landmark rules, such as page-has-heading-one, heading-order, region and
 * landmark-complementary-is-top-level, only "moderate", so a check that kept serious and critical ones never saw them.)
 */
export const AXE_RULES_NOT_APPLICABLE: Readonly<Record<string, string>> = {};

/** Every axe violation, whatever its impact, but those of a rule allowed above. */
export const axeFailures = (vs: readonly AxeViolation[]): AxeViolation[] => vs.filter((v) => !Object.hasOwn(AXE_RULES_NOT_APPLICABLE, v.id));
