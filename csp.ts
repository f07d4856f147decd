/**
 * The page's Content-Security-Policy: only the app's own scripts, styles and workers; pictures
 * also from data: and blob: URLs (exports, drops); no plugins, no <base>. Served as a meta tag in
 * the built page and as a header by `vite preview` (vite.config.ts). Inline style attributes are
 * blocked too (style-src 'self'), so code sets styles through CSSOM (element.style), never the
 * `style` attribute or HTML markup.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "worker-src 'self'",
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');
