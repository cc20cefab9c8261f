/** What the holder's checkbox list needs of a disclosure (the core's `Disclosure` has these). */
export interface PlacedDisclosure {
  readonly index: number
  /** Pointer of the object or array that references the disclosure's digest, or null. */
  readonly referencedAt: string | null
  /** Pointer of the disclosed value in the processed payload, or null. */
  readonly placedAt: string | null
}

/** Whether `pointer` is `ancestor` or lies inside it (JSON pointers, RFC 6901). */
function within(pointer: string, ancestor: string): boolean {
  return pointer === ancestor || pointer.startsWith(`${ancestor}/`)
}

/**
 * For each disclosure, the disclosure it sits in (a recursive disclosure, RFC 9901 §4.2.6): the one
 * whose disclosed value holds the digest, the innermost when several do; null for a disclosure whose
 * digest is in the issuer-signed payload itself.
 */
export function parentDisclosures(disclosures: readonly PlacedDisclosure[]): ReadonlyMap<number, number | null> {
  const parents = new Map<number, number | null>()
  for (const d of disclosures) {
    let best: PlacedDisclosure | null = null
    if (d.referencedAt !== null) {
      for (const p of disclosures) {
        if (p.index === d.index || p.placedAt === null || !within(d.referencedAt, p.placedAt)) continue
        if (best === null || (best.placedAt ?? '').length < p.placedAt.length) best = p
      }
    }
    parents.set(d.index, best?.index ?? null)
  }
  return parents
}

/**
 * The holder's selection after one box changes: choosing a nested disclosure also chooses the ones
 * it sits in (without them the verifier cannot find its digest), and dropping one drops everything
 * inside it. Follows each chain at most once per disclosure, so a cyclic map cannot loop.
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
  const dropped = new Set([index])
  let grew = true
  while (grew) {
    grew = false
    for (const [child, parent] of parents) {
      if (parent !== null && dropped.has(parent) && !dropped.has(child)) {
        dropped.add(child)
        grew = true
      }
    }
  }
  for (const d of dropped) next.delete(d)
  return next
}
