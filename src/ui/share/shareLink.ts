import type { DebuggerState } from '../../store/types';
import { clip } from '../../engine/quote';
import { encodeMoment } from './linkCodec';
import { momentOf } from './moment';

/** The embed's height in the snippet Share offers (the frame and `height=` agree). */
export const EMBED_SNIPPET_HEIGHT = 480;

/** `&`, `<`, `>` and `"` as entities: the title is the user's text inside an HTML attribute. */
function attr(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/**
 * The iframe that embeds `fragment` (a crviz link's fragment) from the page at `base`: tree,
 * caption and timeline (`?embed=1`), as tall as `height`.
 */
export function embedSnippet(
  base: string,
  fragment: string,
  title: string,
  height: number,
): string {
  const src = `${base}?embed=1&height=${height}#${fragment}`;
  return (
    `<iframe src="${attr(src)}" title="${attr(`crviz: ${title}`)}" width="100%" ` +
    `height="${height}" style="border: 0" loading="lazy"></iframe>`
  );
}

async function tryCopy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No permission or no clipboard (http, embedded frames): the text field is the fallback.
    return false;
  }
}

/**
 * Makes the permalink of the moment on screen and its embed snippet, and tries the clipboard
 * with the link (`what` 'link') or the snippet ('embed'); the share box shows both either way.
 */
export async function shareMoment(
  state: DebuggerState,
  what: 'link' | 'embed' = 'link',
): Promise<void> {
  const m = momentOf(state);
  if (!m) return;
  const { origin, pathname } = window.location;
  const fragment = await encodeMoment(m);
  const url = `${origin}${pathname}#${fragment}`;
  const title = clip(
    state.recording?.scenario.title ?? state.recording?.scenario.name ?? 'crviz',
    120,
  );
  const embedCode = embedSnippet(`${origin}${pathname}`, fragment, title, EMBED_SNIPPET_HEIGHT);
  const copied = await tryCopy(what === 'link' ? url : embedCode);
  state.setShareLink(
    what === 'link'
      ? { url, copied, embedCode }
      : { url, copied: false, embedCode, embedCopied: copied },
  );
}
