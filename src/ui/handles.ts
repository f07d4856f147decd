/** What a mounted component can offer the action registry. */
export type HandleName =
  'fitTree' | 'pickScenarioFile' | 'pickImportFile' | 'pickDumpFolder' | 'pickImageFile';

/**
 * The tree's Fit and the file pickers belong to components (a view on a ref, hidden inputs);
 * each offers its own while mounted, and the registry's actions call them by name.
 */
export class UiHandles {
  private readonly offered = new Map<HandleName, () => void>();

  /** Offers `fn` as `name` until the returned function withdraws it. */
  offer(name: HandleName, fn: () => void): () => void {
    this.offered.set(name, fn);
    return () => {
      if (this.offered.get(name) === fn) this.offered.delete(name);
    };
  }

  /** Calls what is offered as `name`; nothing when no mounted component offers it. */
  call(name: HandleName): void {
    this.offered.get(name)?.();
  }
}
