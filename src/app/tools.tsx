import { lazy } from 'react'
import type { ToolTab } from './tool-tabs'

// Each tool pulls in key generation, signing or crafting code: load it when its tab is first opened,
// not at start-up. ToolTabs shows the `loading` text meanwhile.
const DelegationPanel = lazy(() => import('../features/delegation/delegation-panel').then((m) => ({ default: m.DelegationPanel })))
const MultiHopPanel = lazy(() => import('../features/multi-hop/multi-hop-panel').then((m) => ({ default: m.MultiHopPanel })))
const DpopPanel = lazy(() => import('../features/dpop/dpop-panel').then((m) => ({ default: m.DpopPanel })))
const AttackLabPanel = lazy(() => import('../features/attack-lab/attack-lab-panel').then((m) => ({ default: m.AttackLabPanel })))
const PracticePanel = lazy(() => import('../features/practice/practice-panel').then((m) => ({ default: m.PracticePanel })))
const LessonsPanel = lazy(() => import('../features/lessons/lessons-panel').then((m) => ({ default: m.LessonsPanel })))

/**
 * The tools below the debugger, one tab each. Each feature contributes one entry; the order here is the
 * order of the tabs.
 */
export const toolTabs: readonly ToolTab[] = [
  { id: 'delegation', label: 'Delegation', Panel: DelegationPanel, loading: 'Loading the delegation tools…' },
  { id: 'multi-hop', label: 'Multi-hop', Panel: MultiHopPanel, loading: 'Loading the multi-hop checker…' },
  { id: 'dpop', label: 'DPoP', Panel: DpopPanel, loading: 'Loading the DPoP checker…' },
  { id: 'attack-lab', label: 'Attack lab', Panel: AttackLabPanel, loading: 'Loading the attack lab…' },
  { id: 'practice', label: 'Practice verifier', Panel: PracticePanel, loading: 'Loading the practice verifier…' },
  { id: 'lessons', label: 'Lessons', Panel: LessonsPanel },
]
