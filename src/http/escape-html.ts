/**
 * Text for HTML: every character that could end a text or an attribute is an entity. For the few places that write
 * HTML as a string (the page hints, the board's rows), beside React, which escapes by itself.
 */
export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}
