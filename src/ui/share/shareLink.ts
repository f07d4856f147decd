import type { DebuggerState } from '../../store/types';
import { encodeMoment } from './linkCodec';
import { momentOf } from './moment';

/** Makes the permalink of the moment on screen and tries the clipboard; the box shows it either way. */
export async function shareMoment(state: DebuggerState): Promise<void> {
  const m = momentOf(state);
  if (!m) return;
  const { origin, pathname } = window.location;
  const url = `${origin}${pathname}#${await encodeMoment(m)}`;
  let copied = false;
  try {
    await navigator.clipboard.writeText(url);
    copied = true;
  } catch {
    // No permission or no clipboard (http, embedded frames): the text field is the fallback.
  }
  state.setShareLink({ url, copied });
}
