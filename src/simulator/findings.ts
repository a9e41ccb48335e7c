import type { Rng } from '../domain/index.js';
import type { Acquisition } from './acquisition.js';
import type { PatientParams } from './patient.js';
import type { SideIdx } from './thorax.js';

/**
 * Devices, normal variants and incidental findings, drawn at roughly the rates a department sees them, more on
 * portable AP films of inpatients (monitoring leads, lines and tubes) and with age (sternotomy, pacemaker, calcified
 * cartilage and aortic knob). Prevalences are rounded from the literature: azygos lobe ~1%, cervical rib ~0.5-1%
 * (Felson, ch. 1; Fraser and Pare, ch. 1), calcified granuloma a few per cent in non-endemic areas, and ICU
 * portable-film series for lines and tubes. Every item is listed in the authentic film's truth, so the review can
 * say these are real.
 */
export type FindingKind =
  | 'ecg-leads'
  | 'sternotomy-wires'
  | 'surgical-clips'
  | 'pacemaker'
  | 'central-line'
  | 'endotracheal-tube'
  | 'nasogastric-tube'
  | 'calcified-granuloma'
  | 'azygos-fissure'
  | 'cervical-rib'
  | 'healed-rib-fracture'
  | 'nipple-shadows'
  | 'costal-cartilage-calcification'
  | 'aortic-knob-calcification'
  | 'minor-fissure'
  | 'pleural-effusion'
  | 'hyperinflation'
  | 'perihilar-haze'
  | 'discoid-atelectasis';

export interface Finding {
  readonly kind: FindingKind;
  readonly category: 'device' | 'finding' | 'variant';
  /** What it is and where, in a reader's words. */
  readonly description: string;
}

export interface FindingPlan {
  readonly list: readonly Finding[];
  readonly ecg: { readonly electrodes: number } | null;
  readonly sternotomy: boolean;
  readonly clips: 'cholecystectomy' | 'axillary' | 'cabg' | null;
  readonly pacemaker: { readonly side: SideIdx; readonly leads: 1 | 2 } | null;
  readonly centralLine: { readonly side: SideIdx; readonly route: 'jugular' | 'subclavian' } | null;
  readonly ett: boolean;
  readonly ngt: boolean;
  readonly granuloma: { readonly side: SideIdx; readonly fx: number; readonly fy: number; readonly rMm: number } | null;
  readonly azygos: boolean;
  readonly cervicalRib: SideIdx | null;
  readonly fracture: { readonly side: SideIdx; readonly rib: number } | null;
  readonly nipples: boolean;
  readonly knobCalcification: boolean;
  readonly minorFissure: boolean;
  /** Costal cartilage calcification, 0..1 (listed from 0.55). */
  readonly cartilage: number;
  /** Fluid in a pleural space: its side and how high it rises above the costophrenic angle (mm). */
  readonly effusion: { readonly side: SideIdx; readonly heightMm: number } | null;
  /** Interstitial or alveolar oedema around the hila (the bedside film of a patient in failure): 0..1. */
  readonly haze: number;
  readonly atelectasis: { readonly side: SideIdx; readonly lines: number } | null;
}

const sideName = (s: SideIdx): string => (s === 0 ? 'right' : 'left');
const zone = (fy: number): string => (fy < 0.33 ? 'upper' : fy < 0.66 ? 'mid' : 'lower');

export function planFindings(rng: Rng, p: PatientParams, acq: Acquisition): FindingPlan {
  const ap = acq.projection === 'AP';
  const old = p.age > 60;
  const list: Finding[] = [];
  const add = (kind: FindingKind, category: Finding['category'], description: string): void => {
    list.push({ kind, category, description });
  };
  const ecg = rng.chance(ap ? 0.6 : 0.12) ? { electrodes: 3 + rng.int(3) } : null;
  if (ecg) add('ecg-leads', 'device', `ECG monitoring electrodes (${ecg.electrodes}) with their lead wires over the chest`);
  const sternotomy = rng.chance(old ? 0.09 : 0.03);
  if (sternotomy) add('sternotomy-wires', 'device', 'median sternotomy wires along the sternum (previous cardiac surgery)');
  const clips = rng.chance(sternotomy ? 0.6 : 0.05) ? (sternotomy ? 'cabg' : rng.chance(0.6) ? 'cholecystectomy' : 'axillary') : null;
  if (clips) add('surgical-clips', 'device', clips === 'cabg' ? 'surgical clips along the left heart border (coronary bypass grafts)' : clips === 'cholecystectomy' ? 'surgical clips under the right hemidiaphragm (cholecystectomy)' : 'surgical clips in an axilla (node dissection)');
  const pacemaker = rng.chance(old ? 0.07 : 0.015) ? { side: (rng.chance(0.8) ? 1 : 0) as SideIdx, leads: (rng.chance(0.7) ? 2 : 1) as 1 | 2 } : null;
  if (pacemaker) add('pacemaker', 'device', `cardiac pacemaker in the ${sideName(pacemaker.side)} infraclavicular region with ${pacemaker.leads === 2 ? 'atrial and ventricular leads' : 'a ventricular lead'}`);
  const centralLine = rng.chance(ap ? 0.35 : 0.03) ? { side: (rng.chance(0.75) ? 0 : 1) as SideIdx, route: rng.chance(0.6) ? 'jugular' as const : 'subclavian' as const } : null;
  if (centralLine) add('central-line', 'device', `${sideName(centralLine.side)} ${centralLine.route === 'jugular' ? 'internal jugular' : 'subclavian'} central venous catheter, tip in the superior vena cava`);
  const ett = ap && acq.position !== 'erect' && rng.chance(0.18);
  if (ett) add('endotracheal-tube', 'device', 'endotracheal tube, tip above the carina');
  const ngt = rng.chance(ap ? (ett ? 0.7 : 0.12) : 0.01);
  if (ngt) add('nasogastric-tube', 'device', 'nasogastric tube down the oesophagus, tip below the left hemidiaphragm');
  const granuloma = rng.chance(0.07) ? { side: (rng.chance(0.5) ? 0 : 1) as SideIdx, fx: rng.range(0.3, 0.85), fy: rng.range(0.15, 0.8), rMm: rng.range(1.8, 4) } : null;
  if (granuloma) add('calcified-granuloma', 'finding', `small calcified granuloma in the ${sideName(granuloma.side)} ${zone(granuloma.fy)} zone (healed infection)`);
  const azygos = rng.chance(0.01);
  if (azygos) add('azygos-fissure', 'variant', 'azygos fissure curving down to the azygos vein in the right upper zone (normal variant)');
  const cervicalRib = rng.chance(0.01) ? ((rng.chance(0.5) ? 0 : 1) as SideIdx) : null;
  if (cervicalRib !== null) add('cervical-rib', 'variant', `${sideName(cervicalRib)} cervical rib from C7 (normal variant)`);
  const fracture = rng.chance(old ? 0.1 : 0.04) ? { side: (rng.chance(0.5) ? 0 : 1) as SideIdx, rib: 4 + rng.int(5) } : null;
  if (fracture) add('healed-rib-fracture', 'finding', `healed fracture of the ${sideName(fracture.side)} ${fracture.rib}th rib laterally (callus)`);
  const nipples = rng.chance(0.12);
  if (nipples) add('nipple-shadows', 'variant', 'nipple shadows over both lower zones');
  const knobCalcification = rng.chance(old ? 0.35 : 0.02);
  if (knobCalcification) add('aortic-knob-calcification', 'finding', 'curvilinear calcification in the aortic knob (atherosclerosis)');
  const minorFissure = rng.chance(0.5);
  if (minorFissure) add('minor-fissure', 'variant', 'the horizontal (minor) fissure, seen edge-on in the right mid zone (normal)');
  const cartilage = Math.max(0, Math.min(1, (p.age - 35) / 45 + 0.25 * rng.normal()));
  if (cartilage > 0.55) add('costal-cartilage-calcification', 'finding', 'calcified costal cartilages, first ribs most (age-related)');
  const effusion = rng.chance(ap ? 0.16 : 0.05) ? { side: (rng.chance(0.55) ? 0 : 1) as SideIdx, heightMm: rng.range(8, ap ? 70 : 40) } : null;
  if (effusion) add('pleural-effusion', 'finding', `${effusion.heightMm > 30 ? 'moderate' : 'small'} ${sideName(effusion.side)} pleural effusion (blunted costophrenic angle${effusion.heightMm > 30 ? ', meniscus' : ''})`);
  if (p.hyperinflated) add('hyperinflation', 'finding', 'hyperinflated lungs: low, flattened hemidiaphragms, a narrow heart and lucent lungs (emphysema)');
  const haze = ap && rng.chance(0.15) ? rng.range(0.25, 0.6) : 0;
  if (haze > 0) add('perihilar-haze', 'finding', 'hazy perihilar opacity on both sides with indistinct vessels (pulmonary oedema)');
  const atelectasis = rng.chance(ap ? 0.12 : 0.04) ? { side: (rng.chance(0.5) ? 0 : 1) as SideIdx, lines: 1 + rng.int(2) } : null;
  if (atelectasis) add('discoid-atelectasis', 'finding', `linear (discoid) atelectasis in the ${sideName(atelectasis.side)} lower zone`);
  return { list, ecg, sternotomy, clips, pacemaker, centralLine, ett, ngt, granuloma, azygos, cervicalRib, fracture, nipples, knobCalcification, minorFissure, cartilage, effusion, haze, atelectasis };
}
