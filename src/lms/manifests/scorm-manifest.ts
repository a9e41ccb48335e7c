import { launchParametersFor, manifestSubject, type PackagedDefinition } from './subject.js';
import { xmlEscape as x } from './xml.js';

/**
 * imsmanifest.xml for one SCO that is the whole module. SCORM 1.2 CAM (IMS CP 1.1.2 + ADL adlcp_rootv1p2) and
 * SCORM 2004 4th Edition CAM (IMS CP 1.1.4 + ADL adlcp_v1p3), with schemaLocation naming the XSD files shipped at the
 * zip root (schemaFilesFor). The launch is the resource's href plus the item's `parameters` (CAM 4th ed. 3.4.1.13:
 * the LMS appends them to the href), so the game opens in module mode; the packaged index.html also names
 * module.json itself, for LMSs that drop parameters. A readiness drill's package is the same with drill.json, and
 * without adlcp:masteryscore: it is completion only (the SCO sets lesson_status 'completed' and no score, so an LMS
 * has no mastery score to turn into passed or failed; RTE 1.2 3.4.4).
 * No sequencing or LOM metadata: a single SCO needs neither, and many LMSs ignore 2004 sequencing.
 */
export const LAUNCH_FILE = 'index.html';
export const LAUNCH_PARAMETERS = '?module=module.json';

export function schemaFilesFor(standard: 'scorm12' | 'scorm2004'): readonly string[] {
  return standard === 'scorm12' ? ['imscp_rootv1p1p2.xsd', 'adlcp_rootv1p2.xsd', 'ims_xml.xsd'] : ['imscp_v1p1.xsd', 'adlcp_v1p3.xsd', 'xml.xsd'];
}

/** IMS CP identifiers are xsd:ID (an XML NCName): a letter first, no spaces or colons. */
const ident = (def: { readonly id: string }, suffix: string): string => `XRAY-${def.id.toUpperCase()}-${suffix}`;

export function scormManifest(def: PackagedDefinition, files: readonly string[], standard: 'scorm12' | 'scorm2004'): string {
  const subject = manifestSubject(def);
  const is12 = standard === 'scorm12';
  const ns = is12
    ? 'xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"'
    : 'xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"';
  const [cp, adl] = schemaFilesFor(standard);
  const location = is12
    ? `http://www.imsproject.org/xsd/imscp_rootv1p1p2 ${cp} http://www.adlnet.org/xsd/adlcp_rootv1p2 ${adl}`
    : `http://www.imsglobal.org/xsd/imscp_v1p1 ${cp} http://www.adlnet.org/xsd/adlcp_v1p3 ${adl}`;
  const title = x(subject.title);
  // SCORM 1.2: adlcp:masteryscore (0..100) becomes cmi.student_data.mastery_score, so the LMS and the module agree.
  // A decimal (the 1.2 XSD types it as a string), floored to 2 places: rounding 87.5 to 88 would fail 7 of 8.
  const percent = subject.passMark === null ? null : Math.floor(subject.passMark * 10000 + 1e-6) / 100;
  const mastery = is12 && percent !== null ? `\n        <adlcp:masteryscore>${percent}</adlcp:masteryscore>` : '';
  const scormType = is12 ? 'adlcp:scormtype="sco"' : 'adlcp:scormType="sco"';
  const fileLines = [...files].sort().map((f) => `      <file href="${x(f)}"/>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${ident(def, 'MANIFEST')}" version="1"
  ${ns}
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="${location}">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>${is12 ? '1.2' : '2004 4th Edition'}</schemaversion>
  </metadata>
  <organizations default="${ident(def, 'ORG')}">
    <organization identifier="${ident(def, 'ORG')}">
      <title>${title}</title>
      <item identifier="${ident(def, 'ITEM')}" identifierref="${ident(def, 'SCO')}" isvisible="true" parameters="${x(launchParametersFor(def))}">
        <title>${title}</title>${mastery}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${ident(def, 'SCO')}" type="webcontent" ${scormType} href="${LAUNCH_FILE}">
${fileLines}
    </resource>
  </resources>
</manifest>
`;
}
