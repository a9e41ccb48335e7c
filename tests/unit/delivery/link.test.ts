import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  joinUrl, MAX_LINK_PAYLOAD_CHARS, parseSessionLink, SessionLinkError, sessionLink, sessionQrSvg, toBase64Url, verifySession,
} from '../../../src/delivery/index.js';
import { ISSUED, signedSession } from '../../helpers/delivery.js';

describe('join link', () => {
  it('round-trips through the fragment, and the session still verifies', async () => {
    const s = await signedSession();
    const link = sessionLink(s);
    expect(link).toMatch(/^#session=[A-Za-z0-9_-]+$/);
    expect(link.length).toBeLessThan(1500);
    for (const form of [link, link.slice(1), `https://teaching.example.org/xray/${link}`]) {
      const check = await verifySession(parseSessionLink(form), ISSUED);
      expect(check.ok).toBe(true);
    }
    const url = joinUrl('https://teaching.example.org/xray/?lang=en#old', s);
    expect(url).toBe(`https://teaching.example.org/xray/?lang=en${link}`);
    expect(await verifySession(parseSessionLink(url), ISSUED)).toMatchObject({ ok: true });
  });

  it('a link changed in transit is refused by the signature, not half-read', async () => {
    const s = await signedSession();
    const altered = sessionLink({ ...s, session: { ...s.session, mode: { ...s.session.mode, secondsPerCase: 600 } } });
    expect(await verifySession(parseSessionLink(altered), ISSUED)).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('refuses missing, damaged, cut, oversized and bomb payloads with a sentence', async () => {
    const link = sessionLink(await signedSession());
    const cases: [string, RegExp][] = [
      ['#mode=practice', /no session/],
      ['#session=', /no session/],
      ['#session=%%%%', /damaged/],
      [link.slice(0, 40), /damaged/],
      [`#session=${'A'.repeat(MAX_LINK_PAYLOAD_CHARS + 1)}`, /limit/],
      [`#session=${toBase64Url(deflateSync(new Uint8Array(10 * 1024 * 1024)))}`, /larger than/],
      [`#session=${toBase64Url(deflateSync(new TextEncoder().encode('not json')))}`, /not JSON/],
      [`#session=${toBase64Url(deflateSync(new Uint8Array([0xff, 0xfe, 0x00])))}`, /not text/],
    ];
    for (const [input, msg] of cases) {
      let thrown: unknown = null;
      try {
        parseSessionLink(input);
      } catch (e) {
        thrown = e;
      }
      expect(thrown, input.slice(0, 30)).toBeInstanceOf(SessionLinkError);
      expect((thrown as Error).message, input.slice(0, 30)).toMatch(msg);
    }
  });

  it('draws the join address as an SVG QR code, and refuses an address no QR code can hold', async () => {
    const url = joinUrl('https://teaching.example.org/xray/', await signedSession());
    const svg = sessionQrSvg(url);
    expect(svg).toMatch(/^<svg[^>]*viewBox/);
    expect(svg.length).toBeGreaterThan(1000);
    expect(() => sessionQrSvg(`https://x.org/#${'a'.repeat(3000)}`)).toThrow(/QR code holds/);
  });
});
