/** Saves bytes or text (or a file's parts, in order) as a file through a temporary object URL. */
export function download(name: string, data: BlobPart | BlobPart[], type: string): void {
  const url = URL.createObjectURL(new Blob(Array.isArray(data) ? data : [data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
