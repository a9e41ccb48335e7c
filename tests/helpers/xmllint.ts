import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Validates a written manifest with Debian's xmllint (libxml2-utils) against the schema files shipped in the package
 * folder, offline (--nonet): a one-line wrapper schema imports every namespace the manifest mixes (xmllint takes one
 * --schema), and an XML catalog maps the one remote import ADL's imscp_v1p1.xsd names (http://www.w3.org/2001/xml.xsd)
 * to the package's xml.xsd. For cmi5.xml the course-structure XSD's target namespace is set to the one the cmi5
 * specification gives cmi5.xml (see assets/lms-schemas/README.md).
 */
export interface XmllintResult {
  readonly ok: boolean;
  readonly output: string;
}

const NAMESPACES = {
  scorm12: [['http://www.imsproject.org/xsd/imscp_rootv1p1p2', 'imscp_rootv1p1p2.xsd'], ['http://www.adlnet.org/xsd/adlcp_rootv1p2', 'adlcp_rootv1p2.xsd']],
  scorm2004: [['http://www.imsglobal.org/xsd/imscp_v1p1', 'imscp_v1p1.xsd'], ['http://www.adlnet.org/xsd/adlcp_v1p3', 'adlcp_v1p3.xsd']],
} as const;

export function validateScormManifest(packageDir: string, standard: 'scorm12' | 'scorm2004'): XmllintResult {
  const work = mkdtempSync(join(tmpdir(), 'xmllint-'));
  const url = (f: string): string => pathToFileURL(resolve(packageDir, f)).href;
  const imports = NAMESPACES[standard].map(([ns, f]) => `  <xsd:import namespace="${ns}" schemaLocation="${url(f)}"/>`).join('\n');
  const wrapper = join(work, 'all.xsd');
  writeFileSync(wrapper, `<?xml version="1.0"?>\n<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:x-test:all">\n${imports}\n</xsd:schema>\n`);
  const catalog = join(work, 'catalog.xml');
  writeFileSync(catalog, `<?xml version="1.0"?>\n<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">\n  <uri name="http://www.w3.org/2001/xml.xsd" uri="${url('xml.xsd')}"/>\n  <system systemId="http://www.w3.org/2001/xml.xsd" uri="${url('xml.xsd')}"/>\n</catalog>\n`);
  return run(['--noout', '--nonet', '--schema', wrapper, join(packageDir, 'imsmanifest.xml')], { XML_CATALOG_FILES: catalog });
}

export function validateCmi5CourseStructure(packageDir: string): XmllintResult {
  const work = mkdtempSync(join(tmpdir(), 'xmllint-'));
  const xsd = readFileSync(resolve('assets/lms-schemas/cmi5/CourseStructure.xsd'), 'utf8').replaceAll('http://aicc.org/CMI5/CourseStructure.xsd', 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd');
  const schema = join(work, 'CourseStructure.xsd');
  writeFileSync(schema, xsd);
  return run(['--noout', '--nonet', '--schema', schema, join(packageDir, 'cmi5.xml')], {});
}

function run(args: string[], env: Record<string, string>): XmllintResult {
  const r = spawnSync('xmllint', args, { encoding: 'utf8', env: { ...process.env, ...env } });
  if (r.error) throw new Error(`xmllint could not run (${r.error.message}). Install it: apt-get install libxml2-utils`);
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}
