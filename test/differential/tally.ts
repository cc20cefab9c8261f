/**
 * Counts and groups the outcomes of a differential run, keeps the smallest example of every group,
 * and renders them for assertion messages and the optional Markdown report.
 */
import type { Case } from './cases'
import { JUSTIFIED, MUST_REFUSE, classify, factsOf } from './classes'
import type { Alg } from './keys'
import type { CoreOutcome, JoseOutcome } from './oracles'

export interface Example {
  readonly index: number
  readonly alg: Alg
  readonly form: string
  readonly steps: readonly string[]
  readonly token: string
  readonly keyText: string
  readonly encoding: string
  readonly core: CoreOutcome
  readonly jose: JoseOutcome
}

export interface Group {
  count: number
  /** The smallest example (token and key text), the one printed. */
  example: Example
  /** The lowest case index in the group. */
  first: number
}

function describeCore(o: CoreOutcome): string {
  switch (o.verdict) {
    case 'valid': return 'valid'
    case 'invalid': return `valid: false${o.matchesAsWritten === true ? ' (matches as written)' : ''}`
    case 'refused': return `${o.stage} ${o.code}`
    case 'threw': return `threw ${o.message}`
  }
}

function describeJose(o: JoseOutcome): string {
  return o.accepted ? 'accepts' : o.code.replace(/:.*/s, '')
}

/** The kind of key form, with the changed member for JWK member changes. */
function formGroup(c: Case): string {
  const member = c.form.id.split('/jwk-member/')[1]
  return member !== undefined ? `jwk-member ${member}` : c.form.kind === 'small-modulus' ? `small-modulus ${c.form.id.split('/')[0]}` : c.form.kind
}

/** A step without its random detail, e.g. `sig:pad`. */
function stepKind(step: string): string {
  return step.replace(/\(.*\)$/, '')
}

function add(groups: Map<string, Group>, key: string, example: Example, count = 1, first = example.index): void {
  const group = groups.get(key)
  if (group === undefined) groups.set(key, { count, example, first })
  else {
    group.count += count
    group.first = Math.min(group.first, first)
    if (smaller(example, group.example)) group.example = example
  }
}

/** A tally as plain data, to send between threads and merge. */
export interface TallySnapshot {
  readonly total: number
  readonly bothAccept: number
  readonly bothReject: number
  readonly perAlg: Map<Alg, { cases: number; bothAccept: number }>
  readonly perStep: Map<string, number>
  readonly groups: Record<GroupName, Map<string, Group>>
}

const GROUP_NAMES = ['forward', 'justified', 'unjustified', 'mustRefuse', 'threw', 'confusionReason', 'harness'] as const
type GroupName = (typeof GROUP_NAMES)[number]

function smaller(a: Example, b: Example): boolean {
  const size = (e: Example) => e.token.length + e.keyText.length
  return size(a) < size(b) || (size(a) === size(b) && a.index < b.index)
}

export class Tally {
  total = 0
  bothAccept = 0
  bothReject = 0
  readonly perAlg = new Map<Alg, { cases: number; bothAccept: number }>()
  readonly perStep = new Map<string, number>()
  /** Core says verified, jose rejects: never allowed. */
  readonly forward = new Map<string, Group>()
  /** jose accepts, core does not, inside a justified class. */
  readonly justified = new Map<string, Group>()
  /** jose accepts, core does not, outside every justified class. */
  readonly unjustified = new Map<string, Group>()
  /** Core says verified where it never may (confusion, degenerate key, lenient signature text). */
  readonly mustRefuse = new Map<string, Group>()
  /** The core threw instead of returning a result. */
  readonly threw = new Map<string, Group>()
  /** Untampered HS* tokens over key material whose refusal is not "this is a key, not a secret". */
  readonly confusionReason = new Map<string, Group>()
  /** Untampered tokens with a legitimate key that jose rejects: a broken harness. */
  readonly harness = new Map<string, Group>()

  add(c: Case, core: CoreOutcome, jose: JoseOutcome): void {
    this.total++
    let made: Example | undefined
    const example = (): Example => (made ??= { index: c.index, alg: c.alg, form: c.form.id, steps: c.steps, token: c.token, keyText: c.form.text, encoding: c.form.encoding, core, jose })
    const alg = this.perAlg.get(c.alg) ?? { cases: 0, bothAccept: 0 }
    alg.cases++
    this.perAlg.set(c.alg, alg)
    for (const step of c.steps) this.perStep.set(stepKind(step), (this.perStep.get(stepKind(step)) ?? 0) + 1)
    const steps = () => (c.steps.length === 0 ? 'untampered' : c.steps.map(stepKind).join(' + '))
    const valid = core.verdict === 'valid'
    // Facts are needed only where the verdicts are checked further; most cases are plain agreement.
    const facts = valid || jose.accepted ? factsOf(c) : undefined

    if (core.verdict === 'threw') add(this.threw, core.message, example())
    if (c.steps.length === 0 && (c.form.kind === 'legit' || c.form.kind === 'confusion' || c.form.kind === 'degenerate') && !jose.accepted) {
      add(this.harness, `${c.form.kind} ${c.alg} ${describeJose(jose)}`, example())
    }
    if (c.form.kind === 'confusion' && c.steps.length === 0 && !(core.verdict === 'refused' && (core.stage === 'parse' || core.code === 'KEY_ALG_MISMATCH'))) {
      add(this.confusionReason, describeCore(core), example())
    }
    if (valid && facts !== undefined) {
      for (const rule of MUST_REFUSE) if (rule.applies(c, facts)) add(this.mustRefuse, `${rule.id} | ${steps()}`, example())
    }
    if (valid && jose.accepted) {
      this.bothAccept++
      alg.bothAccept++
    } else if (!valid && !jose.accepted) {
      this.bothReject++
    } else if (valid) {
      add(this.forward, `${formGroup(c)} | ${c.form.kind === 'legit' ? steps() : 'any change'} | jose ${describeJose(jose)}`, example())
    } else if (facts !== undefined) {
      const k = classify(c, facts)
      if (k !== undefined) add(this.justified, k.id, example())
      else add(this.unjustified, `${c.form.kind} | ${steps()} | core ${describeCore(core)}`, example())
    }
  }

  snapshot(): TallySnapshot {
    const groups = Object.fromEntries(GROUP_NAMES.map((name) => [name, this[name]])) as Record<GroupName, Map<string, Group>>
    return { total: this.total, bothAccept: this.bothAccept, bothReject: this.bothReject, perAlg: this.perAlg, perStep: this.perStep, groups }
  }

  /** Adds another shard's counts; each group keeps the smaller example. */
  merge(other: TallySnapshot): void {
    this.total += other.total
    this.bothAccept += other.bothAccept
    this.bothReject += other.bothReject
    for (const [alg, a] of other.perAlg) {
      const mine = this.perAlg.get(alg) ?? { cases: 0, bothAccept: 0 }
      this.perAlg.set(alg, { cases: mine.cases + a.cases, bothAccept: mine.bothAccept + a.bothAccept })
    }
    for (const [step, n] of other.perStep) this.perStep.set(step, (this.perStep.get(step) ?? 0) + n)
    for (const name of GROUP_NAMES) for (const [key, g] of other.groups[name]) add(this[name], key, g.example, g.count, g.first)
  }

  /** Plain-text lines for an assertion message: counts and the first example of each group. */
  describe(groups: Map<string, Group>, seed: number, limit = 12): string {
    const sorted = [...groups.entries()].sort((a, b) => b[1].count - a[1].count)
    const lines = [`seed ${seed}: ${sorted.reduce((n, [, g]) => n + g.count, 0)} cases in ${sorted.length} groups`]
    for (const [key, g] of sorted.slice(0, limit)) {
      lines.push(`- ${g.count} × ${key} (first: case ${g.first})`, `  smallest: ${formatExample(g.example)}`)
    }
    if (sorted.length > limit) lines.push(`- … ${sorted.length - limit} more groups`)
    return lines.join('\n')
  }

  /** The Markdown report of a run. */
  markdown(seed: number, elapsedMs: number, parsedKeys: number): string {
    const out: string[] = [
      '# Differential verification: core vs jose compactVerify',
      '',
      `Seed ${seed}, ${this.total} cases, ${(elapsedMs / 1000).toFixed(1)} s, ${parsedKeys} distinct key texts parsed by the core.`,
      '',
      `Both accept: ${this.bothAccept}. Both reject: ${this.bothReject}.`,
      `Core verified, jose rejected (never allowed): ${count(this.forward)}.`,
      `jose accepted, core did not: ${count(this.justified)} in justified classes, ${count(this.unjustified)} unjustified.`,
      `Core verified where it must refuse: ${count(this.mustRefuse)}. Core threw: ${count(this.threw)}. Harness errors: ${count(this.harness)}.`,
      '',
      '| algorithm | cases | both accept |',
      '|---|---|---|',
      ...[...this.perAlg.entries()].sort().map(([alg, a]) => `| ${alg} | ${a.cases} | ${a.bothAccept} |`),
      '',
    ]
    const section = (title: string, groups: Map<string, Group>, why?: (key: string) => string | undefined) => {
      out.push(`## ${title} (${count(groups)})`, '')
      if (groups.size === 0) out.push('None.', '')
      for (const [key, g] of [...groups.entries()].sort((a, b) => b[1].count - a[1].count)) {
        out.push(`### ${g.count} × ${key}`, '')
        const reason = why?.(key)
        if (reason !== undefined) out.push(reason, '')
        out.push(...exampleMarkdown(g.example), '')
      }
    }
    out.push('Mutation kinds (cases that have each step):', '', [...this.perStep.entries()].sort().map(([k, n]) => `${k} ${n}`).join(', '), '')
    section('Core verified, jose rejected', this.forward)
    section('Core verified where it must refuse', this.mustRefuse)
    section('jose accepted, core did not: unjustified', this.unjustified)
    section('jose accepted, core did not: justified classes', this.justified, (key) => JUSTIFIED.find((k) => k.id === key)?.justification)
    section('Key pasted as an HMAC secret, refused for another reason (or not at all)', this.confusionReason)
    section('Core threw', this.threw)
    section('Harness errors (untampered token, legitimate key, jose rejects)', this.harness)
    return out.join('\n')
  }
}

function count(groups: Map<string, Group>): number {
  let n = 0
  for (const g of groups.values()) n += g.count
  return n
}

export function formatExample(e: Example): string {
  return `case ${e.index} (${e.alg}, key ${e.form}, ${e.steps.length === 0 ? 'untampered' : e.steps.join(' + ')}): core ${describeCore(e.core)}, jose ${describeJose(e.jose)}; ` +
    `token ${JSON.stringify(e.token)}; key (${e.encoding}) ${JSON.stringify(e.keyText.length > 400 ? `${e.keyText.slice(0, 400)}…` : e.keyText)}`
}

function exampleMarkdown(e: Example): string[] {
  return [
    `Case ${e.index}: ${e.alg}, key form \`${e.form}\`, ${e.steps.length === 0 ? 'untampered' : `steps \`${e.steps.join(' + ')}\``}. ` +
      `Core: ${describeCore(e.core)}${e.core.verdict === 'refused' ? ` (${e.core.message})` : e.core.verdict === 'invalid' ? ` (${e.core.reason})` : ''}. jose: ${e.jose.accepted ? 'accepts' : e.jose.code}.`,
    '',
    'Token (JSON string):',
    '```',
    JSON.stringify(e.token),
    '```',
    `Key text (Secret encoding ${e.encoding}, JSON string):`,
    '```',
    JSON.stringify(e.keyText),
    '```',
  ]
}
