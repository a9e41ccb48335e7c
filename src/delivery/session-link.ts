import { deflateSync, Inflate } from 'fflate';
import { renderSVG } from 'uqr';
import { canonicalJson, fromBase64Url, fromUtf8, toBase64Url } from './encoding.js';
import type { SignedSession } from './session-schema.js';

/**
 * The join link. The session travels in the URL fragment, which a browser never sends to the server that serves
 * the game (RFC 3986 section 3.5; the Fetch standard strips it from requests), so a static host's logs never see
 * it: `<game address>#session=<payload>`, payload = base64url (RFC 4648 section 5) of the raw DEFLATE (RFC 1951)
 * of the session's canonical JSON. The link is checked like any other input: size, alphabet, inflation, then the
 * signature (verifySession).
 */
export const SESSION_FRAGMENT_KEY = 'session';
/** Longest payload accepted: a session with an LRS block deflates to about 1 KB; 16 K characters is far above any real one. */
export const MAX_LINK_PAYLOAD_CHARS = 16_384;
/** Most a payload may inflate to, checked while inflating: a deflate bomb in a link stops here. */
export const MAX_SESSION_JSON_BYTES = 64 * 1024;
/** Byte-mode capacity of the largest QR code (version 40, error correction L; ISO/IEC 18004 Table 7). */
export const QR_MAX_BYTES = 2953;

export class SessionLinkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SessionLinkError';
  }
}

export function sessionLink(signed: SignedSession): string {
  return `#${SESSION_FRAGMENT_KEY}=${toBase64Url(deflateSync(canonicalJson(signed), { level: 9 }))}`;
}

/** The full address a resident opens: the game's address with the session as its fragment (any old fragment replaced). */
export function joinUrl(gameAddress: string, signed: SignedSession): string {
  let url: URL;
  try {
    url = new URL(gameAddress);
  } catch {
    throw new SessionLinkError(`joinUrl: "${gameAddress.slice(0, 80)}" is not an address; give the game's address, e.g. https://teaching.example.org/xray/`);
  }
  url.hash = '';
  return `${url.toString()}${sessionLink(signed)}`;
}

function inflateLimited(bytes: Uint8Array, limit: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > limit) throw new SessionLinkError(`The link's session is larger than ${limit / 1024} KB once unpacked; this is not a session link.`);
    chunks.push(chunk);
  });
  try {
    inflater.push(bytes, true);
  } catch (e) {
    if (e instanceof SessionLinkError) throw e;
    throw new SessionLinkError('The link is damaged (its session cannot be unpacked). Copy the whole link again; it may have been cut.');
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * The session JSON in a link's fragment ('#session=...', 'session=...' or a whole address). Returns the parsed
 * JSON, unverified: pass it to verifySession. Throws a SessionLinkError that says what to do.
 */
export function parseSessionLink(fragmentOrUrl: string): unknown {
  if (typeof fragmentOrUrl !== 'string') throw new SessionLinkError('parseSessionLink: expected the link as text.');
  const hashAt = fragmentOrUrl.indexOf('#');
  const fragment = hashAt >= 0 ? fragmentOrUrl.slice(hashAt + 1) : fragmentOrUrl;
  const params = new URLSearchParams(fragment);
  const payload = params.get(SESSION_FRAGMENT_KEY);
  if (payload === null || payload === '') throw new SessionLinkError('The link carries no session (#session=... is missing). Ask the instructor for the join link.');
  if (payload.length > MAX_LINK_PAYLOAD_CHARS) throw new SessionLinkError(`The link's session is ${payload.length} characters long, over the ${MAX_LINK_PAYLOAD_CHARS} limit; this is not a session link.`);
  let packed: Uint8Array;
  try {
    packed = fromBase64Url(payload.trim());
  } catch {
    throw new SessionLinkError('The link is damaged (it has characters a session link never has). Copy the whole link again.');
  }
  let text: string;
  try {
    text = fromUtf8(inflateLimited(packed, MAX_SESSION_JSON_BYTES));
  } catch (e) {
    if (e instanceof SessionLinkError) throw e;
    throw new SessionLinkError('The link is damaged (its session is not text). Copy the whole link again.');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new SessionLinkError('The link is damaged (its session is not JSON). Copy the whole link again.');
  }
}

/**
 * The join address as a QR code, SVG markup for the instructor's screen (uqr: a port of Nayuki's QR generator,
 * ISO/IEC 18004). Throws when the address is too long for any QR code; error correction is raised as far as the
 * chosen size allows, which helps a phone read it off a projector.
 */
export function sessionQrSvg(joinAddress: string): string {
  const bytes = new TextEncoder().encode(joinAddress).length;
  if (bytes > QR_MAX_BYTES) {
    throw new SessionLinkError(`The join address is ${bytes} bytes, more than a QR code holds (${QR_MAX_BYTES}). Share the link as text, or leave the LRS block out of the session.`);
  }
  return renderSVG(joinAddress, { ecc: 'L', boostEcc: true, border: 4, pixelSize: 8 });
}
