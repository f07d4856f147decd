import { useDropImport } from './useDropImport';

/** Imports dropped files and says so while a file is dragged over the page. */
export function DropHint() {
  const over = useDropImport();
  return over ? (
    <div className="drop-hint" aria-hidden="true">
      Drop a scenario, a .ckpt image, a criu-tree bundle or a crviz PNG
    </div>
  ) : null;
}
