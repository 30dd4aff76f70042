// The pages' one stylesheet: read once at start, served by a route under a content-hashed URL and cached for a year.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export const CSS = readFileSync(new URL('./assets/site.css', import.meta.url), 'utf8');
export const CSS_HASH = createHash('sha256').update(CSS).digest('base64url').slice(0, 12);
export const CSS_HREF = `/assets/site.css?v=${CSS_HASH}`;

/** The site icon: a small same-origin SVG, so browsers do not ask for a missing /favicon.ico. */
export const ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#0b4f8a"/><path d="M4 4h8v2H4zm0 3h8v2H4zm0 3h5v2H4z" fill="#fff"/></svg>';
