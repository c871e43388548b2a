/**
 * Text helpers of the HTML rendering: escaping (every text from user data is shown literally,
 * never as markup) and an estimate of how wide a text is drawn, used to size auto-resized columns,
 * wrapped rows, chart margins and legends. The estimate uses per-character advance widths close to
 * Arial's (the font Sheets and its charts use); it errs on the wide side so nothing is cut.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes a text for HTML/SVG content or a quoted attribute value.
 * @param text any text (user data included).
 * @return the text with `& < > " '` replaced by character references.
 * @example escapeHtml('<script>') // '&lt;script&gt;'
 */
export function escapeHtml(text: string): string {
  return String(text).replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

/** Advance widths in ems of Arial-like glyph classes. */
function charEm(ch: string): number {
  if (/[iljI.,:;'|!\u00a0]/.test(ch)) return 0.28;
  if (/[ f t r()[\]{}\-/]/.test(ch)) return 0.34;
  if (/[mwMW@%]/.test(ch)) return 0.86;
  if (/[A-Z]/.test(ch)) return 0.68;
  if (/[0-9]/.test(ch)) return 0.56;
  if (/[a-z]/.test(ch)) return 0.54;
  if (/[€$£+=<>~^*#&]/.test(ch)) return 0.6;
  return 0.6;
}

/**
 * Estimated drawn width of a single-line text.
 * @param text the text.
 * @param fontPx font size in CSS pixels.
 * @param bold whether it is bold (about 7 % wider).
 * @return width in pixels.
 * @example textWidth('Hello', 13) // ≈ 38
 */
export function textWidth(text: string, fontPx: number, bold = false): number {
  let em = 0;
  for (const ch of String(text)) em += charEm(ch);
  return em * fontPx * (bold ? 1.07 : 1);
}

/**
 * Shortens a text with an ellipsis so that it fits a width.
 * @param text the text.
 * @param maxWidth the width available, in pixels.
 * @param fontPx font size in CSS pixels.
 * @return the text, or a prefix of it followed by `…`.
 */
export function fitText(text: string, maxWidth: number, fontPx: number): string {
  if (textWidth(text, fontPx) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(`${chars.join('')}…`, fontPx) > maxWidth) chars.pop();
  return `${chars.join('')}…`;
}

/**
 * Breaks a text into lines no wider than `maxWidth` at spaces (a word longer than the width gets
 * a line of its own).
 * @param text the text.
 * @param maxWidth the line width, in pixels.
 * @param fontPx font size in CSS pixels.
 * @return the lines (at least one).
 */
export function wrapText(text: string, maxWidth: number, fontPx: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of String(text).split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, fontPx) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  lines.push(line);
  return lines;
}

/** Points (Sheets font sizes) to CSS pixels. */
export function ptToPx(points: number): number {
  return (points * 96) / 72;
}
