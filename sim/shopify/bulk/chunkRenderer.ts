import { fieldValue, type View } from '../graphql/view';
import { isNodeList } from '../graphql/connections';
import type { ChildSpec, NodeSpec } from './bulkQueryPlan';
import { chunkRoots, type BulkFileSpec } from './bulkFileSpec';
import { project } from './projector';

/**
 * The JSONL lines of one chunk, in Shopify's format
 * (https://shopify.dev/docs/api/usage/bulk-operations/queries): one object per line, nodes
 * of nested connections on lines of their own with `__parentId`, each child after its
 * parent. Without `groupObjects` the lines are deliberately interleaved — all the chunk's
 * roots first, then their children round-robin across parents, then grandchildren — so a
 * child is after its parent but usually not right after it, as Shopify warns it may be.
 * With `groupObjects` every parent is followed by its own subtree.
 */
export interface RenderedChunk {
  text: string;
  lines: number;
  roots: number;
}

interface Entry {
  view: View;
  spec: NodeSpec;
  parentId: string | undefined;
}

function childEntries(parent: Entry): Entry[] {
  return parent.spec.children.flatMap((child: ChildSpec) => {
    let holder: unknown = parent.view;
    for (const hop of child.via) holder = holder == null ? null : fieldValue(holder as View, hop.name, hop.args);
    if (holder == null) return [];
    const list = fieldValue(holder as View, child.field.name, child.field.args);
    const items = isNodeList(list) && list.all ? (list.all() as View[]) : [];
    return items.map((view) => ({ view, spec: child.node, parentId: String(parent.view.id) }));
  });
}

function groupedOrder(entries: Entry[]): Entry[] {
  return entries.flatMap((entry) => [entry, ...groupedOrder(childEntries(entry))]);
}

function interleavedOrder(roots: Entry[]): Entry[] {
  const out: Entry[] = [...roots];
  let level = roots;
  while (level.length > 0) {
    const perParent = level.map(childEntries);
    const next: Entry[] = [];
    for (let round = 0; perParent.some((list) => round < list.length); round += 1) {
      for (const list of perParent) if (round < list.length) next.push(list[round]!);
    }
    out.push(...next);
    level = next;
  }
  return out;
}

export function renderChunk(spec: BulkFileSpec, chunk: number, firstLine: number): RenderedChunk {
  const roots: Entry[] = chunkRoots(spec, chunk).map((view) => ({ view, spec: spec.plan.node, parentId: undefined }));
  const ordered = spec.groupObjects ? groupedOrder(roots) : interleavedOrder(roots);
  let text = '';
  ordered.forEach((entry, n) => {
    const object = project(entry.spec.projector, entry.view);
    if (entry.parentId !== undefined) object.__parentId = entry.parentId;
    let line = JSON.stringify(object);
    // An injected fault: the line loses its closing brace, as a truncated write would.
    if (firstLine + n === spec.malformedLine) line = line.slice(0, -1);
    text += `${line}\n`;
  });
  return { text, lines: ordered.length, roots: roots.length };
}
