import { countOf } from '../../domain/index.js';
/**
 * A pack must hold both real and fake cases. With one class only, a reader scores perfectly by always giving the
 * same answer, every sensitivity or specificity figure is undefined, and the leak audit cannot compare anything:
 * such a pack teaches nothing, so it is refused with what to add (a folder of real films built with
 * --forged-share 0 used to give 74 real cases and no fakes).
 */
export function classProblem(kinds: readonly string[], forgedShare: number): string | null {
  const reals = kinds.filter((k) => k === 'authentic').length;
  const fakes = kinds.length - reals;
  if (kinds.length === 0) return null;
  if (fakes === 0) {
    return (
      `The pack would hold ${countOf(reals, 'real case')} and no fakes, so a reader could call every case real and be always right. ` +
      'Add AI-generated images (--synthetic <folder>, a folder named synthetic/, or labels-CSV rows labelled synthetic; in the ' +
      `browser, choose "AI-generated" for a dropped folder), or let the builder forge some of the real films (--forged-share 0.5; it is ${forgedShare} now).`
    );
  }
  if (reals === 0) {
    return (
      `The pack would hold ${countOf(fakes, 'fake case')} and no real ones, so a reader could call every case fake and be always right. ` +
      'Add real films (--real <folder>, a folder named real/, or labels-CSV rows labelled real; in the browser, choose "real" for a ' +
      `dropped folder)${forgedShare >= 1 ? `, or lower --forged-share (it is ${forgedShare} now) so that some real films stay real` : ''}.`
    );
  }
  return null;
}
