/**
 * The holder's selection after one box changes, given each disclosure's parent (the engine's
 * `parentDisclosures`): choosing a nested disclosure also chooses the ones it sits in (without
 * them the verifier cannot find its digest), and dropping one drops everything inside it. Visits
 * each disclosure at most once, so a cyclic map cannot loop.
 */
export function toggleDisclosure(selected: ReadonlySet<number>, index: number, on: boolean, parents: ReadonlyMap<number, number | null>): Set<number> {
  const next = new Set(selected)
  if (on) {
    let current: number | null | undefined = index
    while (current !== null && current !== undefined && !next.has(current)) {
      next.add(current)
      current = parents.get(current)
    }
    return next
  }
  const children = new Map<number, number[]>()
  for (const [child, parent] of parents) {
    if (parent === null) continue
    const list = children.get(parent)
    if (list === undefined) children.set(parent, [child])
    else list.push(child)
  }
  // Breadth-first through the children: each disclosure is dropped (and expanded) once.
  const dropped = new Set([index])
  const queue = [index]
  for (let i = 0; i < queue.length; i++) {
    for (const child of children.get(queue[i]!) ?? []) {
      if (dropped.has(child)) continue
      dropped.add(child)
      queue.push(child)
    }
  }
  for (const d of dropped) next.delete(d)
  return next
}
