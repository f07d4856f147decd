/**
 * The Fullscreen API where the page may use it. A browser or an iframe without
 * allow="fullscreen" refuses; the presenter then fills the window instead, which is why a
 * refusal is not an error.
 */
export function enterFullscreen(): void {
  const el = document.documentElement;
  if (document.fullscreenElement || typeof el.requestFullscreen !== 'function') return;
  el.requestFullscreen().catch(() => undefined);
}

export function leaveFullscreen(): void {
  if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
}
