import { useQuery } from '@tanstack/react-query';
import { api, call, type Unit } from './client';

/** Every unit the signed-in person may see (the whole tree for a system administrator). */
export function useUnits() {
  return useQuery({
    queryKey: ['units'],
    queryFn: () => call(api.GET('/api/v1/units', { params: { query: { pageSize: 1000 } } })),
    select: (page) => page.items,
  });
}

export interface UnitNode extends Unit {
  children?: UnitNode[];
}

/** Units as a tree; a unit whose parent is not visible to this person becomes a root. */
export function toTree(units: Unit[]): UnitNode[] {
  const byId = new Map<string, UnitNode>(units.map((u) => [u.id, { ...u }]));
  const roots: UnitNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    if (parent) {
      (parent.children ??= []).push(node);
    } else {
      roots.push(node);
    }
  }
  const sort = (nodes: UnitNode[]): UnitNode[] =>
    nodes
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
      .map((n) => (n.children ? { ...n, children: sort(n.children) } : n));
  return sort(roots);
}
