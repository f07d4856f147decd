import type { Container, Task } from '../kernel/types';

/**
 * build_tree's walk (25/80): pre-order DFS over children lists. For a container-init root the
 * boundary is the root's real_parent, so the walk goes on into the root's *later* siblings
 * (its threads, CLONE_PARENT siblings); for a subtree root the boundary is the root itself.
 * `visit` returning false stops the walk (may_checkpoint_task failed).
 */
export function walkTree(
  c: Container,
  root: Task,
  containerInit: boolean,
  visit: (t: Task) => boolean,
): boolean {
  const siblingsOfRoot = root.parent === 0 ? c.outer : (c.tasks.get(root.parent)?.children ?? []);
  // Each frame is a children list and the index of the next entry to visit in it.
  const stack: { list: number[]; next: number }[] = [];
  if (containerInit) {
    const at = siblingsOfRoot.indexOf(root.pid);
    stack.push({ list: siblingsOfRoot, next: at });
  } else {
    if (!visit(root)) return false;
    stack.push({ list: root.children, next: 0 });
  }
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.next >= top.list.length) {
      stack.pop();
      continue;
    }
    const t = c.tasks.get(top.list[top.next++]);
    if (!t) continue;
    if (!visit(t)) return false;
    if (t.children.length > 0) stack.push({ list: t.children, next: 0 });
  }
  return true;
}
