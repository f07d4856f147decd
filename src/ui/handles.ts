/** What each handle a mounted component offers takes and gives back. */
interface HandleFns {
  fitTree: () => void;
  pickScenarioFile: () => void;
  pickImportFile: () => void;
  pickDumpFolder: () => void;
  pickImageFile: () => void;
  /** The tree as an SVG for the exports, read at once (null while nothing is drawn). */
  treeSvg: () => SVGSVGElement | null;
  /** Opens the image dialog on the session image `name`. */
  viewImage: (name: string) => void;
  /** Opens the compare dialog on the session images `a` and `b`. */
  compareImages: (a: string, b: string) => void;
  /** Moves the focus to the event log's search box. */
  focusEventFilter: () => void;
  /** Moves the focus to the tree's Find task box. */
  focusFindTask: () => void;
  /** Opens task `pid`'s ancestors, scrolls the tree to it and focuses it; false when not shown. */
  revealTask: (pid: number) => boolean;
  /** Draws more of the top-level tasks the tree does not draw. */
  showMoreRoots: () => void;
}

/** What a mounted component can offer the action registry. */
export type HandleName = keyof HandleFns;

/**
 * The tree's Fit, its drawing, the image dialog and the file pickers belong to components (a
 * view on a ref, hidden inputs, local dialog state); each offers its own while mounted, and
 * the registry's actions call them by name.
 */
export class UiHandles {
  private readonly offered = new Map<HandleName, (...args: never[]) => unknown>();

  /** Offers `fn` as `name` until the returned function withdraws it. */
  offer<N extends HandleName>(name: N, fn: HandleFns[N]): () => void {
    this.offered.set(name, fn);
    return () => {
      if (this.offered.get(name) === fn) this.offered.delete(name);
    };
  }

  /** Calls what is offered as `name`; undefined when no mounted component offers it. */
  call<N extends HandleName>(
    name: N,
    ...args: Parameters<HandleFns[N]>
  ): ReturnType<HandleFns[N]> | undefined {
    const fn = this.offered.get(name) as
      ((...a: Parameters<HandleFns[N]>) => ReturnType<HandleFns[N]>) | undefined;
    return fn?.(...args);
  }
}
