/**
 * The tallest scroll area a virtual list gets. A 100,000-task restart's event log is 1.4 million
 * rows, 26.6 million px at 19 px a row: Chromium clamps an element's height at about 33.5 million
 * px and Firefox at about 17.9 million, past which the last rows cannot be scrolled to. Below the
 * cap a px of scrolling is a px of rows; above it the scrollbar stands for the whole list scaled
 * down, and the wheel still moves the rows by its own px (see EventLog).
 */
export const MAX_SCROLL_PX = 8_000_000;

/** How a list `content` px tall is scrolled in a viewport `viewport` px tall. */
export interface ScrollScale {
  /** The scroll area's height: the content's, or the cap. */
  readonly height: number;
  /** Content px per scroll px (1 below the cap). */
  readonly factor: number;
  /** The content's top shown at scrollTop `scroll`. */
  toContent(scroll: number): number;
  /** The scrollTop that shows the content from `top` on. */
  toScroll(top: number): number;
}

export function scrollScale(content: number, viewport: number, max = MAX_SCROLL_PX): ScrollScale {
  const height = Math.min(content, max);
  // The scroll range (height − viewport) stands for the content's (content − viewport), so the
  // first and the last rows are both reached, at scrollTop 0 and at its end.
  const range = Math.max(0, height - viewport);
  const factor = content <= max || range === 0 ? 1 : Math.max(0, content - viewport) / range;
  const limit = Math.max(0, content - viewport);
  return {
    height,
    factor,
    toContent: (scroll) => Math.max(0, Math.min(limit, scroll * factor)),
    toScroll: (top) => Math.max(0, Math.min(range, top / factor)),
  };
}
