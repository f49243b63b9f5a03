/**
 * Text from drafts and fact files on a terminal: control characters (ESC and the rest of
 * C0 and C1, DEL) are shown as visible symbols, so a title or quote cannot move the
 * cursor, clear the screen, retitle the window or plant a hyperlink.
 */

/** `text` with every control character but line break and tab replaced by a visible symbol (␛ for ESC). */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x20 ? String.fromCharCode(0x2400 + code) : code === 0x7f ? '\u2421' : '\ufffd';
  });
}
