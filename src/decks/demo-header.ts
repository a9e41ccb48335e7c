import { createRng, hashString, withField, type CaseHeader } from '../domain/index.js';
import { SIMULATOR_VERSION, type SimulatedChest } from '../simulator/index.js';

/**
 * The de-identified header of a simulated exam: what a department's DX or CR chest would carry after the PS3.15
 * Basic Application Level Confidentiality Profile (no names, ids or real dates; the vendor is the simulator, and
 * says so). Acquisition values follow the simulated exam (projection, detector, kVp, dose, pixel spacing), so a forged
 * header can be caught disagreeing with the pixels.
 */
export function demoHeader(sim: SimulatedChest, seed: number): CaseHeader {
  const rng = createRng(hashString(`header:${seed}`));
  const acq = sim.acquisition;
  const kvp = acq.kvp;
  const mas = ((acq.projection === 'PA' ? 1.6 : 2.4) * acq.dose * sim.patient.bodyDepth).toFixed(1);
  const day = 1 + rng.int(28);
  const date = `202601${String(day).padStart(2, '0')}`;
  const time = `${String(8 + rng.int(10)).padStart(2, '0')}${String(rng.int(60)).padStart(2, '0')}00`;
  const spacing = sim.pixelSpacingMm.toFixed(4);
  const cr = acq.detector.kind === 'CR';
  let h: CaseHeader = [];
  const add = (tag: string, name: string, value: string): void => {
    h = withField(h, tag, name, value);
  };
  add('(0008,0016)', 'SOPClassUID', cr ? '1.2.840.10008.5.1.4.1.1.1 (Computed Radiography Image)' : '1.2.840.10008.5.1.4.1.1.1.1 (Digital X-Ray Image, For Presentation)');
  add('(0008,0008)', 'ImageType', 'ORIGINAL\\PRIMARY');
  add('(0008,0060)', 'Modality', cr ? 'CR' : 'DX');
  add('(0008,0070)', 'Manufacturer', `Simulated ${acq.detector.kind} (demo deck)`);
  add('(0008,1090)', 'ManufacturerModelName', `Chest phantom simulator ${SIMULATOR_VERSION}`);
  add('(0008,0022)', 'AcquisitionDate', date);
  add('(0008,0032)', 'AcquisitionTime', time);
  add('(0008,0023)', 'ContentDate', date);
  add('(0010,0020)', 'PatientID', 'ANONYMISED');
  add('(0018,0015)', 'BodyPartExamined', 'CHEST');
  add('(0018,5101)', 'ViewPosition', acq.projection);
  add('(0018,1110)', 'DistanceSourceToDetector', String(Math.round(acq.sidMm)));
  add('(0018,5100)', 'PatientPosition', acq.position === 'supine' ? 'HFS' : 'HFU');
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
  add('(0028,0301)', 'BurnedInAnnotation', acq.marker.style === 'digital' ? 'YES' : 'NO');
  add('(0012,0062)', 'PatientIdentityRemoved', 'YES');
  // No verification result: the viewer checks no signature, and a result on every real and pixel-edited case alike
  // would contradict M3 (the one case whose header says its signature fails) and give no fair cue either way.
  add('(0400,0561)', 'DigitalSignaturesSequence', 'present; not checked by this viewer');
  return h;
}
