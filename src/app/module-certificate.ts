import { createCertificate, type ModuleDefinition, type ModuleRun } from '../lms/index.js';
import { certificateSaved } from '../presenters/index.js';
import type { ModuleView } from '../store/index.js';

/**
 * The certificate, made in this browser when asked for (pdf-lib, fontkit and the font subsets load only now) with
 * the learner's name from the LMS (typed by the learner when no LMS gave one), and saved as a download. Returns
 * what the status line says.
 */
export async function makeModuleCertificate(
  def: ModuleDefinition, run: ModuleRun, name: string, now: number, patch: (p: Partial<ModuleView>) => void,
  download: (file: string, data: Uint8Array, mime: string) => void, notRecorded: boolean | 'browse' | 'review',
): Promise<string> {
  const learnerName = name.trim().replace(/\s+/g, ' ');
  if (learnerName === '' || learnerName.length > 120) {
    const text = 'Type your name as it should appear on the certificate (at most 120 characters).';
    patch({ certificate: { state: 'failed', message: text } });
    return text;
  }
  if (run.outcome.passed !== true) return 'No certificate: the post-test was not passed.';
  patch({ certificate: { state: 'making', message: 'Making your certificate...' } });
  try {
    const cert = await createCertificate({
      learnerName, activityTitle: def.title, provider: def.provider, completedOn: new Date(now), credits: def.credits,
      // The day where the learner is (their browser's zone), not Greenwich's.
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      creditUnit: def.creditUnit, creditStatement: def.creditStatement, notRecorded,
    });
    const file = `certificate-${def.id}.pdf`;
    download(file, cert.pdf, 'application/pdf');
    const text = certificateSaved(file, cert.pdf.length, cert.missing);
    patch({ certificate: { state: 'made', message: text } });
    return text;
  } catch (e) {
    const text = `The certificate could not be made: ${e instanceof Error ? e.message : String(e)}`;
    patch({ certificate: { state: 'failed', message: text } });
    return text;
  }
}
