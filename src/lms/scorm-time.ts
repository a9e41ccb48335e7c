/**
 * SCORM time formats, hand-written because they are a few lines and differ between the two versions:
 * - SCORM 1.2 CMITimespan (RTE 1.2 section 3.4.2): HHHH:MM:SS.SS, hours 2 to 4 digits, optional 1-2 decimals;
 *   cmi.core.session_time and cmi.interactions.n.latency use it. CMITime (time of day): HH:MM:SS.
 * - SCORM 2004 timeinterval (RTE 4th ed. section 4.1.1.7, ISO 8601 duration): P[yY][mM][dD][T[hH][mM][s[.s]S]],
 *   seconds to at most two decimals; time (second,10,0): YYYY[-MM[-DD[Thh[:mm[:ss[.s[TZD]]]]]]], where a zone
 *   designator may only follow a fraction of a second, so a UTC stamp is written hh:mm:ss.sZ.
 */
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export function scorm12Timespan(ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const hours = Math.min(9999, Math.floor(cs / 360000));
  const minutes = Math.floor((cs % 360000) / 6000);
  const seconds = Math.floor((cs % 6000) / 100);
  const hundredths = cs % 100;
  return `${pad(hours, 4)}:${pad(minutes)}:${pad(seconds)}${hundredths ? `.${pad(hundredths)}` : ''}`;
}

/** HH:MM:SS in local time of day (the LMS records when the interaction happened). */
export const scorm12TimeOfDay = (d: Date): string => `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;

export function iso8601Duration(ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const h = Math.floor(cs / 360000);
  const m = Math.floor((cs % 360000) / 6000);
  const s = (cs % 6000) / 100;
  const sText = Number.isInteger(s) ? String(s) : s.toFixed(2).replace(/0$/, '');
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${sText}S`;
}

/** YYYY-MM-DDThh:mm:ss.sZ in UTC (tenths of a second, then the zone). */
export const scorm2004Timestamp = (d: Date): string => `${d.toISOString().slice(0, 21)}Z`;
