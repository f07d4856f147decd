import { useDebugger } from '../context';
import { FilePicker } from '../FilePicker';
import { ToolbarMore } from '../layout/ToolbarMore';
import { importPicked } from './importFile';
import { pickedFromInput } from './pickedFiles';

/** The exports and the imports each share a menu, so the tree panel's head keeps one row. */
const EXPORTS = ['export-svg', 'export-png', 'export-trace'] as const;
const IMPORTS = ['import-file', 'import-folder'] as const;

/** Export the tree (SVG, PNG with its scenario) and the trace; import any file crviz reads. */
export function ExportMenu() {
  const instance = useDebugger();
  const onPicked = (files: File[]) => importPicked(instance, pickedFromInput(files));
  // The exports are registry actions; they reach the tree's drawing through the 'treeSvg'
  // handle, which the tree panel offers (TreeView.exportSvg).

  return (
    <span className="export-menu">
      <ToolbarMore ids={EXPORTS} label="Export" groupName="Export" />
      <ToolbarMore ids={IMPORTS} label="Import" groupName="Import" />
      <FilePicker
        handle="pickImportFile"
        accept=".json,.ckpt,.png,.tar,.gz,.tgz,application/json,image/png,application/octet-stream,application/x-tar,application/gzip"
        label="Import file"
        onPick={onPicked}
      />
      <FilePicker
        handle="pickDumpFolder"
        label="Import CRIU images folder"
        directory
        onPick={onPicked}
      />
    </span>
  );
}
