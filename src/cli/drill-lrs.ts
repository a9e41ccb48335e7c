/**
 * The cmi5 AU's statements of drill modules, read from the LRS with the lead's own read credentials (delivery's LRS
 * client: the statements resource with `activity`, `related_activities` and `verb`, following `more`). The query is
 * the drill's AU by its publisher id, which the LMS puts in every statement's context grouping (cmi5 sections
 * 9.6.2.3 and 10.0), so the answers of every learner and registration come back. Credentials come from a file or
 * the environment, never from the command line (a shell history keeps it).
 */
import { readFileSync } from 'node:fs';
import { countOf } from '../domain/index.js';
import { createLrsClient, VERB_ANSWERED, type InputFile } from '../delivery/index.js';
import { auIri, isDrillModuleJson, parseDrillModule } from '../lms/index.js';
import { describeThrown, inputError, usageError } from './errors.js';

/** "Basic <base64>" or "Bearer <token>" as given, or user:password made into Basic (RFC 7617). */
export function lrsAuthorization(file: string | boolean | undefined): string {
  let raw = process.env['XRAY_LRS_AUTH'] ?? '';
  if (typeof file === 'string') {
    try {
      raw = readFileSync(file, 'utf8');
    } catch (e) {
      throw usageError(`--lrs-auth-file ${file} cannot be read (${describeThrown(e)}).`);
    }
  }
  const line = raw.trim();
  if (line === '') throw usageError('--lrs needs your read credentials: --lrs-auth-file <file> or XRAY_LRS_AUTH, holding "Basic <base64>" or user:password.');
  if (/^(Basic|Bearer) \S+$/.test(line)) return line;
  if (line.includes(':')) return `Basic ${Buffer.from(line, 'utf8').toString('base64')}`;
  throw usageError('The LRS credentials must be "Basic <base64>", "Bearer <token>" or user:password.');
}

export async function lrsStatements(endpoint: string, authorization: string, files: readonly InputFile[], io: { stderr(t: string): void }): Promise<InputFile[]> {
  const drills = files.flatMap((f) => {
    try {
      const json: unknown = JSON.parse(new TextDecoder().decode(f.bytes));
      return isDrillModuleJson(json) ? [parseDrillModule(json)] : [];
    } catch {
      return [];
    }
  });
  if (drills.length === 0) throw usageError("--lrs reads the statements of the drills given: add the drill's drill.json (it is in the drill's zip).");
  const client = createLrsClient({ endpoint: endpoint.endsWith('/') ? endpoint : `${endpoint}/`, authorization });
  const out: InputFile[] = [];
  for (const d of drills) {
    try {
      const statements = await client.readStatements({ activity: auIri(d), relatedActivities: true, verb: VERB_ANSWERED.id });
      io.stderr(`Read ${countOf(statements.length, 'answered statement')} of "${d.title}" from ${endpoint}.\n`);
      out.push({ name: `LRS ${endpoint} (${d.id})`, bytes: new TextEncoder().encode(JSON.stringify(statements)) });
    } catch (e) {
      throw inputError(`The LRS at ${endpoint} did not give the statements of "${d.title}": ${describeThrown(e)}. Check the address and your read credentials.`);
    }
  }
  return out;
}
