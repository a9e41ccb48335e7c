/**
 * The published figures a drill report sets beside a department's own, each with its source and what it measured,
 * so a reader of the report can see how far the comparison holds. Numbers as the sources give them (issue 16 and
 * shared/design/artifacts.md section 1.1).
 */
export interface PublishedFigure {
  readonly id: 'unprompted' | 'informed' | 'prevalence-lab' | 'prevalence-clinic' | 'automation-bias';
  /** What the figure is, in one sentence a department can compare with. */
  readonly text: string;
  readonly source: string;
  /** How the published setting differs from a drill, so the comparison is not read too literally. */
  readonly caveat: string;
}

export const PUBLISHED_FIGURES: readonly PublishedFigure[] = [
  {
    id: 'unprompted',
    text: '41% of radiologists (7 of 17) raised the possibility of AI-generated images unprompted, while reading a set in which half the radiographs were synthetic.',
    source: 'Tordjman, Yuce et al., Radiology 2026 ("The Rise of Deepfake Medical Imaging")',
    caveat: 'A share of readers who raised it at least once, at 50% prevalence; compare "readers who flagged at least one fake", not the flag rate.',
  },
  {
    id: 'informed',
    text: 'Told to look, the same readers classified 75% (GPT-4o set) and 70% (RoentGen set) of images correctly.',
    source: 'Tordjman, Yuce et al., Radiology 2026',
    caveat: 'Accuracy at 50% prevalence on curated fakes; a prompted drill at low prevalence is a harder search.',
  },
  {
    id: 'prevalence-lab',
    text: 'In visual search, observers missed 7% of targets at 50% prevalence and 30% at 1% prevalence.',
    source: 'Wolfe, Horowitz & Kenner, Nature 2005;435:439-440 ("Rare items often missed in visual searches")',
    caveat: 'Laboratory search for tools in baggage images, not radiographs; it shows the direction and size of the prevalence effect.',
  },
  {
    id: 'prevalence-clinic',
    text: 'Radiologists missed 30% of cancers inserted into clinical screening reading, against 12% of the same cancers at 50% prevalence.',
    source: 'Evans, Birdwell & Wolfe, PLoS ONE 2013;8(5):e64366 ("If you don\'t find it often, you often don\'t find it")',
    caveat: 'Mammography screening; the misses come mostly from a more conservative criterion, which a drill\'s criterion c shows.',
  },
  {
    id: 'automation-bias',
    text: 'With an AI suggestion that was wrong, radiologists\' accuracy fell from about 82% to about 45% in mammography.',
    source: 'Dratsch et al., Radiology 2023;307(4):e222176 ("Automation bias in mammography")',
    caveat: 'BI-RADS categories suggested by a purported AI; the drill\'s badge judges authenticity, not disease.',
  },
];
