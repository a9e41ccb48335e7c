/**
 * A compact PS3.6 data dictionary (tag -> VR, name) of the attributes outside Table E.1-1 that the kept header
 * may carry: file meta, image type and class, equipment and software, projection-radiography acquisition, image
 * pixel, presentation and compression attributes. It gives names to every file and VRs to implicit-VR files.
 * An attribute that is neither in Table E.1-1 nor here is dropped: a name we do not know is one we cannot judge.
 */
import type { ProfileRowTuple } from './profile-types.js';

type DictTuple = readonly [tag: string, vr: string, name: string];

const KEPT: readonly DictTuple[] = [
  ['00020002', 'UI', 'Media Storage SOP Class UID'],
  ['00020010', 'UI', 'Transfer Syntax UID'],
  ['00020012', 'UI', 'Implementation Class UID'],
  ['00020013', 'SH', 'Implementation Version Name'],
  ['00080005', 'CS', 'Specific Character Set'],
  ['00080008', 'CS', 'Image Type'],
  ['00080016', 'UI', 'SOP Class UID'],
  ['00080060', 'CS', 'Modality'],
  ['00080064', 'CS', 'Conversion Type'],
  ['00080068', 'CS', 'Presentation Intent Type'],
  ['00080070', 'LO', 'Manufacturer'],
  ['00081090', 'LO', "Manufacturer's Model Name"],
  ['00120062', 'CS', 'Patient Identity Removed'],
  ['00120063', 'LO', 'De-identification Method'],
  ['00180015', 'CS', 'Body Part Examined'],
  ['00180050', 'DS', 'Slice Thickness'],
  ['00180060', 'DS', 'KVP'],
  ['00181016', 'LO', 'Secondary Capture Device Manufacturer'],
  ['00181018', 'LO', "Secondary Capture Device Manufacturer's Model Name"],
  ['00181019', 'LO', 'Secondary Capture Device Software Versions'],
  ['00181020', 'LO', 'Software Versions'],
  ['00181023', 'LO', 'Digital Image Format Acquired'],
  ['00181110', 'DS', 'Distance Source to Detector'],
  ['00181111', 'DS', 'Distance Source to Patient'],
  ['00181114', 'DS', 'Estimated Radiographic Magnification Factor'],
  ['00181150', 'IS', 'Exposure Time'],
  ['00181151', 'IS', 'X-Ray Tube Current'],
  ['00181152', 'IS', 'Exposure'],
  ['00181153', 'IS', 'Exposure in µAs'],
  ['0018115E', 'DS', 'Image and Fluoroscopy Area Dose Product'],
  ['00181164', 'DS', 'Imager Pixel Spacing'],
  ['00181166', 'CS', 'Grid'],
  ['00181170', 'IS', 'Generator Power'],
  ['00181190', 'DS', 'Focal Spot(s)'],
  ['00181191', 'CS', 'Anode Target Material'],
  ['001811A0', 'DS', 'Body Part Thickness'],
  ['001811A2', 'DS', 'Compression Force'],
  ['00181402', 'CS', 'Cassette Orientation'],
  ['00181403', 'CS', 'Cassette Size'],
  ['00181404', 'US', 'Exposures on Plate'],
  ['00181405', 'IS', 'Relative X-Ray Exposure'],
  ['00181411', 'DS', 'Exposure Index'],
  ['00181412', 'DS', 'Target Exposure Index'],
  ['00181413', 'DS', 'Deviation Index'],
  ['00181508', 'CS', 'Positioner Type'],
  ['00181700', 'CS', 'Collimator Shape'],
  ['00181702', 'IS', 'Collimator Left Vertical Edge'],
  ['00181704', 'IS', 'Collimator Right Vertical Edge'],
  ['00181706', 'IS', 'Collimator Upper Horizontal Edge'],
  ['00181708', 'IS', 'Collimator Lower Horizontal Edge'],
  ['00185100', 'CS', 'Patient Position'],
  ['00185101', 'CS', 'View Position'],
  ['00186000', 'DS', 'Sensitivity'],
  ['00187004', 'CS', 'Detector Type'],
  ['00187005', 'CS', 'Detector Configuration'],
  ['0018701A', 'DS', 'Detector Binning'],
  ['00187020', 'DS', 'Detector Element Physical Size'],
  ['00187022', 'DS', 'Detector Element Spacing'],
  ['00187030', 'DS', 'Field of View Origin'],
  ['00187032', 'DS', 'Field of View Rotation'],
  ['00187034', 'CS', 'Field of View Horizontal Flip'],
  ['00187060', 'CS', 'Exposure Control Mode'],
  ['00188150', 'DS', 'Exposure Time in µS'],
  ['00188151', 'DS', 'X-Ray Tube Current in µA'],
  ['00200011', 'IS', 'Series Number'],
  ['00200012', 'IS', 'Acquisition Number'],
  ['00200013', 'IS', 'Instance Number'],
  ['00200020', 'CS', 'Patient Orientation'],
  ['00200060', 'CS', 'Laterality'],
  ['00200062', 'CS', 'Image Laterality'],
  ['00280002', 'US', 'Samples per Pixel'],
  ['00280004', 'CS', 'Photometric Interpretation'],
  ['00280006', 'US', 'Planar Configuration'],
  ['00280008', 'IS', 'Number of Frames'],
  ['00280010', 'US', 'Rows'],
  ['00280011', 'US', 'Columns'],
  ['00280030', 'DS', 'Pixel Spacing'],
  ['00280034', 'IS', 'Pixel Aspect Ratio'],
  ['00280100', 'US', 'Bits Allocated'],
  ['00280101', 'US', 'Bits Stored'],
  ['00280102', 'US', 'High Bit'],
  ['00280103', 'US', 'Pixel Representation'],
  ['00280300', 'CS', 'Quality Control Image'],
  ['00280301', 'CS', 'Burned In Annotation'],
  ['00280302', 'CS', 'Recognizable Visual Features'],
  ['00280A02', 'CS', 'Pixel Spacing Calibration Type'],
  ['00281040', 'CS', 'Pixel Intensity Relationship'],
  ['00281041', 'SS', 'Pixel Intensity Relationship Sign'],
  ['00281050', 'DS', 'Window Center'],
  ['00281051', 'DS', 'Window Width'],
  ['00281052', 'DS', 'Rescale Intercept'],
  ['00281053', 'DS', 'Rescale Slope'],
  ['00281054', 'LO', 'Rescale Type'],
  ['00281056', 'CS', 'VOI LUT Function'],
  ['00282110', 'CS', 'Lossy Image Compression'],
  ['00282112', 'DS', 'Lossy Image Compression Ratio'],
  ['00282114', 'CS', 'Lossy Image Compression Method'],
  ['20100100', 'CS', 'Border Density'],
  ['20500020', 'CS', 'Presentation LUT Shape'],
];

export interface DictEntry {
  readonly vr: string;
  readonly name: string;
}

/** Attributes kept when present (not in Table E.1-1), keyed by 'ggggeeee'. */
export const KEPT_DICTIONARY: ReadonlyMap<string, DictEntry> = new Map(KEPT.map(([tag, vr, name]) => [tag, { vr, name }]));

/**
 * Attributes outside Table E.1-1 that we remove anyway (a conservative extension, see README.md): the file meta
 * AE titles name the sending and receiving stations (PS3.10 7.1), like Station AE Title (0008,0055), which the
 * table removes; the private information of the file meta belongs to a private creator; and free-text acquisition
 * descriptions (processing codes and functions, calibration and window explanations, plate, filter and grid names).
 */
export const EXTRA_REMOVALS: readonly ProfileRowTuple[] = [
  ['00020016', 'AE', 'X', 'Source Application Entity Title'],
  ['00020017', 'AE', 'X', 'Sending Application Entity Title'],
  ['00020018', 'AE', 'X', 'Receiving Application Entity Title'],
  ['00020100', 'UI', 'X', 'Private Information Creator UID'],
  ['00020102', 'OB', 'X', 'Private Information'],
  // Free text that the table does not list but that sites fill by hand (an operator's or patient's name has been
  // seen in each): removed, since only coded values and the equipment identity are needed for the review.
  ['00181022', 'SH', 'X', 'Video Image Format Acquired'],
  ['00181160', 'SH', 'X', 'Filter Type'],
  ['00181180', 'SH', 'X', 'Collimator/grid Name'],
  ['00181260', 'SH', 'X', 'Plate Type'],
  ['00181261', 'LO', 'X', 'Phosphor Type'],
  ['00181401', 'LO', 'X', 'Acquisition Device Processing Code'],
  ['00185020', 'LO', 'X', 'Processing Function'],
  ['00185021', 'LO', 'X', 'Postprocessing Function'],
  ['00280A04', 'LO', 'X', 'Pixel Spacing Calibration Description'],
  ['00281055', 'LO', 'X', 'Window Center & Width Explanation'],
];
