import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { generateDemoCase, planDemoDeck } from '../../src/decks/index.js';
import { parseDeepLink } from '../../src/domain/index.js';
import { METADATA_TECHNIQUES, TECHNIQUE_SUMMARIES } from '../../src/forgery/index.js';
import { browserForFile } from '../helpers/browser.js';

/**
 * The built case worker makes the very films the simulator and forgery engine make in Node. Workers are bundled apart
 * from the page, with their own tree-shaking (vite.config.ts): a module dropped from the worker, or one run twice,
 * would change a film or its truth without any other test noticing.
 */
describe('the built demo-case worker', () => {
  const base = inject('baseURL');
  const browser = browserForFile({ width: 1280, height: 720 });

  it('makes the same images, truths and headers as Node for real films and fakes of every kind of step', async () => {
    const { page } = browser.b;
    const worker = readdirSync(join(process.cwd(), 'dist', 'assets')).find((f) => /^demo-case\.worker-.*\.js$/.test(f));
    expect(worker).toBeDefined();
    const link = parseDeepLink([['mode', 'practice'], ['deck', 'demo'], ['seed', '5'], ['cases', '12'], ['rounds', '1']]);
    if (!link.ok || !link.link) throw new Error(link.ok ? 'no deep link' : link.error);
    const specs = planDemoDeck(5, link.link.mode, TECHNIQUE_SUMMARIES).rounds[0] ?? [];
    const isMeta = (s: (typeof specs)[number]): boolean => s.forgery?.some((f) => f.techniqueId in METADATA_TECHNIQUES) ?? false;
    // A real film, two pixel fakes and a metadata fake (this seed's round holds them).
    const picked = [specs.find((s) => !s.forgery), ...specs.filter((s) => s.forgery && !isMeta(s)).slice(0, 2), specs.find(isMeta)].filter((s) => s !== undefined);
    expect(picked.length).toBe(4);
    await page.goto(base);
    await page.evaluate((url) => {
      (window as unknown as { caseWorker: Worker }).caseWorker = new Worker(url, { type: 'module', name: 'demo-cases' });
    }, `${base}assets/${worker}`);
    for (const spec of picked) {
      const made = generateDemoCase(spec);
      const d = made.image.data;
      const want = {
        image: createHash('sha256').update(Buffer.from(d.buffer, d.byteOffset, d.byteLength)).digest('hex'),
        size: `${made.image.width}x${made.image.height}`,
        truth: JSON.stringify(made.truth),
        header: JSON.stringify(made.header),
      };
      const got = await page.evaluate(async (s) => {
        const w = (window as unknown as { caseWorker: Worker }).caseWorker;
        const r = await new Promise<{ ok: boolean; error?: string; image: { width: number; height: number; data: Uint16Array }; truth: unknown; header: unknown }>((resolve) => {
          w.onmessage = (e) => resolve(e.data);
          w.postMessage({ requestId: 1, spec: s });
        });
        if (!r.ok) return { image: `error: ${r.error}`, size: '', truth: '', header: '' };
        const px = r.image.data;
        const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint16Array(px)));
        return {
          image: [...digest].map((x) => x.toString(16).padStart(2, '0')).join(''),
          size: `${r.image.width}x${r.image.height}`,
          truth: JSON.stringify(r.truth),
          header: JSON.stringify(r.header),
        };
      }, spec as never);
      expect(got, `case ${spec.id} (${spec.forgery?.map((f) => f.techniqueId).join(' + ') ?? 'real'})`).toEqual(want);
    }
    expect(browser.b.pageErrors).toEqual([]);
  });
});
