import { createRng, hashString, withField, type CaseHeader } from '../domain/index.js';
import type { SimulatedChest } from '../simulator/index.js';

/**
 * The de-identified header of a simulated exam: what a department's DX chest would carry after the PS3.15 Basic
 * Application Level Confidentiality Profile (no names, ids or real dates; the vendor is the simulator, and says so).
 * Acquisition values follow the simulated exposure, so a forged header can be caught disagreeing with the pixels.
 */
export const DETECTOR_PIXEL_SPACING_MM = 370 / 1536;

export function demoHeader(sim: SimulatedChest, seed: number): CaseHeader {
  const rng = createRng(hashString(`header:${seed}`));
  const kvp = 110 + 5 * rng.int(4);
  const mas = (1.6 * sim.patient.exposure * sim.patient.bodyDepth).toFixed(1);
  const day = 1 + rng.int(28);
  const date = `202601${String(day).padStart(2, '0')}`;
  const time = `${String(8 + rng.int(10)).padStart(2, '0')}${String(rng.int(60)).padStart(2, '0')}00`;
  const spacing = DETECTOR_PIXEL_SPACING_MM.toFixed(4);
  let h: CaseHeader = [];
  const add = (tag: string, name: string, value: string): void => {
    h = withField(h, tag, name, value);
  };
  add('(0008,0016)', 'SOPClassUID', '1.2.840.10008.5.1.4.1.1.1.1 (Digital X-Ray Image, For Presentation)');
  add('(0008,0008)', 'ImageType', 'ORIGINAL\\PRIMARY');
  add('(0008,0060)', 'Modality', 'DX');
  add('(0008,0070)', 'Manufacturer', 'Simulated DR (demo deck)');
  add('(0008,1090)', 'ManufacturerModelName', 'Chest phantom simulator 1');
  add('(0008,0022)', 'AcquisitionDate', date);
  add('(0008,0032)', 'AcquisitionTime', time);
  add('(0008,0023)', 'ContentDate', date);
  add('(0010,0020)', 'PatientID', 'ANONYMISED');
  add('(0018,0015)', 'BodyPartExamined', 'CHEST');
  add('(0018,5101)', 'ViewPosition', 'PA');
  add('(0018,0060)', 'KVP', String(kvp));
  add('(0018,1153)', 'ExposureInuAs', String(Math.round(Number(mas) * 1000)));
  add('(0018,1164)', 'ImagerPixelSpacing', `${spacing}\\${spacing}`);
  add('(0028,0002)', 'SamplesPerPixel', '1');
  add('(0028,0004)', 'PhotometricInterpretation', 'MONOCHROME2');
  add('(0028,0010)', 'Rows', String(sim.image.height));
  add('(0028,0011)', 'Columns', String(sim.image.width));
  add('(0028,0100)', 'BitsAllocated', '16');
  add('(0028,0101)', 'BitsStored', String(sim.image.bitsStored));
  add('(0028,2110)', 'LossyImageCompression', '00');
  add('(0028,0301)', 'BurnedInAnnotation', 'NO');
  add('(0012,0062)', 'PatientIdentityRemoved', 'YES');
  add('(0400,0561)', 'DigitalSignaturesSequence', 'present; verifies against the image');
  return h;
}
