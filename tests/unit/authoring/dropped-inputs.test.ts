import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { expandInputs, type DroppedItem } from '../../../src/authoring/pack-inputs.js';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const item = (path: string, bytes: Uint8Array | string): DroppedItem => ({ path, blob: new Blob([(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes) as Uint8Array<ArrayBuffer>]) });

describe('what an instructor drops on the page', () => {
  it('a folder of images: its name is offered as a title, labels.csv and pack.json are read, not built as images', async () => {
    const plain = await expandInputs([item('chest-week-3/real/a.png', png), item('chest-week-3/synthetic/b.png', png)]);
    expect(plain).toMatchObject({ kind: 'images', roots: ['chest-week-3'], suggestedTitle: 'chest-week-3', settings: {}, labels: null });

    const withSettings = await expandInputs([
      item('dept/real/a.png', png),
      item('dept/labels.csv', 'file,label\nreal/a.png,real\n'),
      item('dept/pack.json', JSON.stringify({ title: 'Chest readiness drill', author: 'Dept. of Radiology', reviewed: true, forgedShare: 0.3, seed: 9 })),
    ]);
    if (withSettings.kind !== 'images') throw new Error('expected images');
    expect(withSettings.paths).toEqual(['dept/real/a.png']);
    expect(withSettings.settings).toEqual({ title: 'Chest readiness drill', author: 'Dept. of Radiology', reviewed: true, forgedShare: 0.3, seed: 9 });
    expect(withSettings.labels).not.toBeNull();
  });

  it('a pack.json with a typo or a wrong type is refused with the field named and an example to copy', async () => {
    await expect(expandInputs([item('d/a.png', png), item('d/pack.json', '{"titel": "x"}')])).rejects.toThrow(/pack\.json has problems: .*titel.*Write it like \{ "title"/);
    await expect(expandInputs([item('d/a.png', png), item('d/pack.json', '{"reviewed": "yes"}')])).rejects.toThrow(/reviewed: .*boolean/);
    await expect(expandInputs([item('d/a.png', png), item('d/pack.json', '{title: x}')])).rejects.toThrow(/not valid JSON/);
  });

  it('a zip of images is opened under its own name; a zip holding a manifest is a pack to import whole', async () => {
    const images = await expandInputs([item('upload.zip', zipSync({ 'real/a.png': png }))]);
    expect(images).toMatchObject({ kind: 'images', paths: ['upload/real/a.png'], roots: ['upload'] });
    await expect(expandInputs([item('p.zip', zipSync({ 'manifest.json': new TextEncoder().encode('{}') })), item('x.png', png)])).rejects.toThrow(/import it on its own/);
    await expect(expandInputs([])).rejects.toThrow(/Nothing was dropped/);
  });

  describe('zip entries are held to the limit of their role by their declared size, before they are inflated', () => {
    /** A zip of one deflated entry of noise (it does not compress) whose headers declare `claimed` bytes. */
    const claiming = (name: string, packed: number, claimed: number): Uint8Array => {
      let x = 1;
      const noise = Uint8Array.from({ length: packed }, () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 24));
      const zip = zipSync({ [name]: [noise, { level: 1 }] });
      const view = new DataView(zip.buffer);
      view.setUint32(22, claimed, true);
      for (let o = zip.length - 22; o >= 0; o--) {
        if (view.getUint32(o, true) === 0x02014b50) {
          view.setUint32(o + 24, claimed, true);
          break;
        }
      }
      return zip;
    };

    it('an image entry claiming 640 MB (3.3 MB of data, within the 200-fold rule) is too large, not inflated', async () => {
      const r = await expandInputs([item('up.zip', claiming('real/a.png', 3.3 * 2 ** 20, 640 * 2 ** 20))]);
      if (r.kind !== 'images') throw new Error('expected images');
      await expect(r.read('up/real/a.png')).rejects.toMatchObject({ code: 'EFBIG', message: expect.stringMatching(/real\/a\.png declares 640 MB, over the 600 MB limit for one image/) });
    });

    it('a labels.csv claiming 33 MB and a pack.json claiming 2 MB stop the drop, saying which and the limit', async () => {
      await expect(expandInputs([item('up.zip', claiming('labels.csv', 200 * 1024, 33 * 2 ** 20))])).rejects.toThrow(/up\.zip: labels\.csv declares 33 MB, over the 32 MB limit for a labels file/);
      await expect(expandInputs([item('up.zip', claiming('pack.json', 12 * 1024, 2 * 2 ** 20))])).rejects.toThrow(/up\.zip: pack\.json declares 2 MB, over the 1 MB limit for a pack\.json/);
    });
  });
});
