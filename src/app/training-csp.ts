/**
 * Whether the page's Content-Security-Policy lets it reach an address (connect-src, falling back to default-src;
 * CSP Level 3 sections 6.1.2 and 6.7.2). The game ships with requests to its own origin only (index.html), so an
 * LRS is reachable only from a copy built to allow it (LRS_ORIGINS, see vite.config.ts). The screens say so before a
 * resident joins and before an instructor signs, instead of letting the queue fail quietly.
 */
export function cspAllows(policy: string, url: string, selfOrigin: string): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  const directives = new Map(
    policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map((d) => [(d[0] as string).toLowerCase(), d.slice(1)] as const),
  );
  const sources = directives.get('connect-src') ?? directives.get('default-src');
  if (!sources) return true;
  return sources.some((s) => sourceMatches(s, target, selfOrigin));
}

function sourceMatches(source: string, url: URL, selfOrigin: string): boolean {
  const s = source.toLowerCase();
  if (s === "'self'") return url.origin === selfOrigin;
  if (s === '*') return url.protocol === 'http:' || url.protocol === 'https:';
  if (/^[a-z][a-z0-9+.-]*:$/.test(s)) return url.protocol === s || (s === 'http:' && url.protocol === 'https:');
  const m = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*\.)?([^/:]+|\*)(?::(\d+|\*))?(\/.*)?$/.exec(s);
  if (!m) return false;
  const [, scheme, wildcard, host, port, path] = m;
  if (scheme && `${scheme}:` !== url.protocol && !(scheme === 'http' && url.protocol === 'https:')) return false;
  const hostname = url.hostname.toLowerCase();
  if (host !== '*' && (wildcard ? !hostname.endsWith(`.${host}`) : hostname !== host)) return false;
  const defaultPort = url.protocol === 'https:' ? '443' : '80';
  if (port !== '*' && (port ?? defaultPort) !== (url.port || defaultPort)) return false;
  return !path || path.endsWith('/') ? url.pathname.startsWith(path ?? '/') : url.pathname === path;
}

/** The policy of this page (its meta element), or '' when it has none. */
export function pagePolicy(doc: Document): string {
  return doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
}
