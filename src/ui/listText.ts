/** Entries shown of a long list (a 100,000-task restart has 100,000 pids, 400,000 refcounts). */
const HEAD = 4;
const TAIL = 20;

/**
 * A list as text, its middle left out when long: joining every entry of a 100,000-task restart
 * at each step made a text of megabytes for the page to lay out.
 */
export function listText(list: readonly number[], sep: string): string {
  if (list.length <= HEAD + TAIL + 1) return list.join(sep);
  const head = list.slice(0, HEAD).join(sep);
  const tail = list.slice(list.length - TAIL).join(sep);
  return `${head}${sep}…${sep}${tail} (${list.length.toLocaleString('en')} in all)`;
}
