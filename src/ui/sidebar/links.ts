/**
 * The sidebar opens only what it can trust: a link from the server is followed when it is an
 * `https:` address on Google's own domain, never a `javascript:` or look-alike address.
 */

/** `url` when it is an `https:` address on a Google domain (docs.google.com and the like), else `null`. */
export function googleDocumentLink(url: string): string | null {
  try {
    const parsed = new URL(url);
    const google = parsed.hostname === 'google.com' || parsed.hostname.endsWith('.google.com');
    return parsed.protocol === 'https:' && google && !parsed.username && !parsed.password ? parsed.href : null;
  } catch {
    return null;
  }
}
