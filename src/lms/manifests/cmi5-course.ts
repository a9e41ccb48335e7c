import { LAUNCH_FILE } from './scorm-manifest.js';
import { launchParametersFor, manifestSubject, type PackagedDefinition } from './subject.js';
import { xmlEscape as x } from './xml.js';

/**
 * cmi5.xml, the course structure (cmi5 Quartz, section 13.1): one course holding one block holding one AU, the
 * whole module. The AU's url is relative to cmi5.xml and keeps its own query (the LMS appends the launch parameters,
 * section 8.1); masteryScore is the module's pass mark and moveOn is CompletedAndPassed (the learner passes the
 * post-test and completes the evaluation). A readiness drill's AU has moveOn Completed and no masteryScore (section
 * 13.1.4): it is completion only, and the AU never sends passed or failed (sections 9.3.4, 9.3.5). Activity ids are IRIs under the game's w3id namespace plus the module id.
 * A course-level objectives list is left out: the structure course + block is valid under both the spec's XSD and
 * the copy kept in assets/lms-schemas/cmi5 (which orders block and objectives differently; see its README).
 */
export const CMI5_NAMESPACE = 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd';
export const courseIri = (def: { readonly id: string }): string => `https://w3id.org/xapi/xray-trainer/modules/${def.id}`;
export const auIri = (def: { readonly id: string }): string => `${courseIri(def)}/au`;

const text = (s: string, indent: string): string => `${indent}<langstring lang="en-US">${x(s)}</langstring>`;

export function cmi5CourseStructure(def: PackagedDefinition): string {
  const subject = manifestSubject(def);
  const { title, description } = subject;
  const moveOn = subject.passMark === null ? 'moveOn="Completed"' : `moveOn="CompletedAndPassed" masteryScore="${subject.passMark}"`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="${CMI5_NAMESPACE}">
  <course id="${x(courseIri(def))}">
    <title>
${text(title, '      ')}
    </title>
    <description>
${text(description, '      ')}
    </description>
  </course>
  <block id="${x(`${courseIri(def)}/block`)}">
    <title>
${text(title, '      ')}
    </title>
    <description>
${text(description, '      ')}
    </description>
    <au id="${x(auIri(def))}" ${moveOn} launchMethod="AnyWindow">
      <title>
${text(title, '        ')}
      </title>
      <description>
${text(description, '        ')}
      </description>
      <url>${x(`${LAUNCH_FILE}${launchParametersFor(def)}`)}</url>
    </au>
  </block>
</courseStructure>
`;
}
