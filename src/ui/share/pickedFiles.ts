/**
 * Files as the page receives them, each with its path: a folder picked with
 * `<input webkitdirectory>` (File.webkitRelativePath) or dropped (DataTransfer items as
 * FileSystemEntry trees), or plain files. The files are not read here.
 */
import type { DumpBlob } from '../../engine/import/criu/blobs';

export function pickedFromInput(list: FileList | File[] | null): DumpBlob[] {
  return [...(list ?? [])].map((file) => ({ path: file.webkitRelativePath || file.name, file }));
}

function readAll(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  // readEntries answers in batches (100 in Chromium) until it answers with none.
  return new Promise((resolve, reject) => {
    const out: FileSystemEntry[] = [];
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) resolve(out);
        else {
          out.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

async function walk(entry: FileSystemEntry, prefix: string, out: DumpBlob[]): Promise<void> {
  const path = prefix + entry.name;
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) =>
      (entry as FileSystemFileEntry).file(resolve, reject),
    );
    out.push({ path, file });
  } else if (entry.isDirectory) {
    for (const e of await readAll((entry as FileSystemDirectoryEntry).createReader())) {
      await walk(e, `${path}/`, out);
    }
  }
}

/** Dropped items: folders walked (paths kept), plain files as they are. */
export async function pickedFromDrop(dt: DataTransfer): Promise<DumpBlob[]> {
  const entries = [...dt.items]
    .filter((i) => i.kind === 'file')
    .map((i) => i.webkitGetAsEntry?.() ?? null);
  if (
    entries.length > 0 &&
    entries.every((e) => e !== null) &&
    entries.some((e) => e?.isDirectory)
  ) {
    const out: DumpBlob[] = [];
    for (const e of entries) await walk(e as FileSystemEntry, '', out);
    return out;
  }
  return [...dt.files].map((file) => ({ path: file.name, file }));
}
