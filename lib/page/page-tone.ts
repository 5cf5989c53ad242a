/**
 * Whether a page is dark: the background its text is read on, from the body's or the root's own
 * background colour (the first that is mostly opaque), else the canvas, which is dark only when the page
 * asks for a dark colour scheme and the reader's system uses one. Marks on dark pages take lighter
 * colours, which keep 3:1 against the page (assets/highlights.css, `-on-dark`).
 */
export function isDarkPage(doc: Document): boolean {
  const view = doc.defaultView;
  if (!view) return false;
  for (const element of [doc.body, doc.documentElement]) {
    if (!element) continue;
    const colour = parseColour(view.getComputedStyle(element).backgroundColor);
    if (colour && colour.alpha >= 0.5) return luminance(colour) < 0.25;
  }
  const scheme = view.getComputedStyle(doc.documentElement).colorScheme ?? '';
  return /\bdark\b/.test(scheme) && !/\blight\b/.test(scheme) && view.matchMedia?.('(prefers-color-scheme: dark)').matches === true;
}

interface Colour {
  red: number;
  green: number;
  blue: number;
  alpha: number;
}

/** `rgb(1, 2, 3)`, `rgba(1, 2, 3, 0.5)` or `rgb(1 2 3 / 50%)`, as computed styles write colours. */
export function parseColour(text: string | undefined): Colour | null {
  const match = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)\s*(?:[,/]\s*([\d.]+)(%)?\s*)?\)$/.exec(text?.trim() ?? '');
  if (!match) return null;
  const alpha = match[4] === undefined ? 1 : Number(match[4]) / (match[5] ? 100 : 1);
  return { red: Number(match[1]), green: Number(match[2]), blue: Number(match[3]), alpha };
}

/** WCAG's relative luminance, 0 (black) to 1 (white). */
export function luminance({ red, green, blue }: Colour): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue);
}
