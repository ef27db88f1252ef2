// Browsers read `\` as `/` and drop tabs and newlines from URLs, so `/\evil.com`
// or `/<tab>/evil.com` would become the protocol-relative `//evil.com`. Only a
// plain same-app path passes: one leading slash, no backslash, no control character.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const APP_PATH = /^\/(?!\/)[^\\\u0000-\u001f\u007f]*$/;

/** The value if it is a path inside the dashboard, else the fallback (a return link never leaves the app). */
export function safeAppPath(value: string | null | undefined, fallback: string): string {
  return value && APP_PATH.test(value) ? value : fallback;
}
