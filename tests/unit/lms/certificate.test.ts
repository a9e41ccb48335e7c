import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCertificate, type CertificateData } from '../../../src/lms/index.js';
import { nodeFontSource } from '../../helpers/certificate-fonts.js';

/** The certificate read back as a person's PDF reader would: Debian's poppler-utils (pdftotext, pdftoppm). */
const OUT = join(process.cwd(), 'tests', 'e2e', 'screenshots');

function pdftotext(pdf: Uint8Array, name: string): string {
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, `${name}.pdf`);
  writeFileSync(file, pdf);
  const r = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  if (r.error) throw new Error(`pdftotext could not run (${r.error.message}). Install it: apt-get install poppler-utils`);
  return r.stdout;
}

const BASE: CertificateData = {
  learnerName: 'Łukasz Kowalski',
  activityTitle: 'Spotting synthetic radiographs: AI-generated and tampered chest films',
  provider: 'Test Radiology Institute',
  completedOn: new Date('2026-12-06T10:00:00Z'),
  credits: 1.25,
  creditUnit: 'AMA PRA Category 1 Credits™',
  creditStatement:
    'The Test Radiology Institute is accredited by the Accreditation Council for Continuing Medical Education (ACCME) to provide continuing medical education for physicians.\n' +
    'The Test Radiology Institute designates this enduring material for a maximum of 1.25 AMA PRA Category 1 Credits™. Physicians should claim only the credit commensurate with the extent of their participation in the activity.',
};

describe('the certificate PDF', () => {
  it.each([
    ['latin', 'Łukasz Kowalski'],
    ['vietnamese', 'Nguyễn Thị Minh Khai'],
    ['chinese', '王芳'],
  ])('renders a %s name and every field, read back with pdftotext', async (kind, name) => {
    const fonts = nodeFontSource();
    const cert = await createCertificate({ ...BASE, learnerName: name }, fonts);
    expect(cert.missing).toEqual([]);
    const text = pdftotext(cert.pdf, `certificate-${kind}`).replace(/\s+/g, ' ');
    expect(text).toContain(name);
    expect(text).toContain('Certificate of Completion');
    expect(text).toContain('Spotting synthetic radiographs: AI-generated and tampered chest films');
    expect(text).toContain('provided by Test Radiology Institute');
    expect(text).toContain('Date of completion: 6 December 2026');
    expect(text).toContain('Credits claimed: 1.25 AMA PRA Category 1 Credits™');
    expect(text).toContain('accredited by the Accreditation Council for Continuing Medical Education (ACCME) to provide');
    expect(text).toContain('Physicians should claim only the credit commensurate with the extent of their participation in the activity.');
    console.log(`${kind}: ${fonts.loadedBytes()} bytes of font loaded, PDF ${cert.pdf.length} bytes (${cert.fontFiles.join(', ')})`);
    // Subsets only: a few small font files loaded, and a small PDF.
    expect(fonts.loadedBytes()).toBeLessThan(400_000);
    expect(cert.pdf.length).toBeLessThan(120_000);
  });

  it('made outside an LMS, says no LMS recorded it and claims no credit', async () => {
    const cert = await createCertificate({ ...BASE, notRecorded: true }, nodeFontSource());
    const text = pdftotext(cert.pdf, 'certificate-standalone').replace(/\s+/g, ' ');
    expect(text).toContain('Completed outside an LMS: no LMS recorded this completion, and no credit is claimed.');
    expect(text).not.toContain('Credits claimed');
    expect(text).toContain('Łukasz Kowalski');
  });

  it('dates the completion on the learner\'s day, in their time zone', async () => {
    // 03:30 on 8 December in Greenwich is the evening of 7 December in Los Angeles; 20:00 on 6 December is the morning
    // of the 7th in Tokyo.
    const dateOn = async (at: string, timeZone?: string): Promise<string> => {
      const cert = await createCertificate({ ...BASE, completedOn: new Date(at), ...(timeZone ? { timeZone } : {}) }, nodeFontSource());
      return /Date of completion: (\d+ \w+ \d{4})/.exec(pdftotext(cert.pdf, 'certificate-zone').replace(/\s+/g, ' '))?.[1] ?? '(none)';
    };
    expect(await dateOn('2026-12-08T03:30:00Z', 'America/Los_Angeles')).toBe('7 December 2026');
    expect(await dateOn('2026-12-06T20:00:00Z', 'Asia/Tokyo')).toBe('7 December 2026');
    expect(await dateOn('2026-12-08T03:30:00Z')).toBe('8 December 2026');
  });

  it('says which characters no font covers instead of dropping them silently', async () => {
    const cert = await createCertificate({ ...BASE, learnerName: 'Dr محمد Ali' }, nodeFontSource());
    expect(cert.missing).toEqual(['م', 'ح', 'د']);
  });

  it('renders a page image to look at (pdftoppm)', async () => {
    const cert = await createCertificate({ ...BASE, learnerName: 'Nguyễn Thị 王芳 Łukasz' }, nodeFontSource());
    const file = join(OUT, 'certificate-mixed.pdf');
    writeFileSync(file, cert.pdf);
    const r = spawnSync('pdftoppm', ['-png', '-r', '90', '-singlefile', file, join(OUT, 'certificate-mixed')]);
    expect(r.status).toBe(0);
  });
});
