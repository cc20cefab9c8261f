import type { ToolTab } from './tool-tabs'
import { LessonsPanel } from '../features/lessons/lessons-panel'
import { AttackLabTab } from '../features/attack-lab/attack-lab-tab'
import { PracticeTab } from '../features/practice/practice-tab'
import { DelegationPanel } from '../features/delegation/delegation-panel'
import { MultiHopPanel } from '../features/multi-hop/multi-hop-panel'
import { DpopPanel } from '../features/dpop/dpop-panel'

/**
 * The tools below the debugger, one tab each. Each feature contributes one entry; the order here is the
 * order of the tabs.
 */
export const toolTabs: readonly ToolTab[] = [
  { id: 'delegation', label: 'Delegation', Panel: DelegationPanel },
  { id: 'multi-hop', label: 'Multi-hop', Panel: MultiHopPanel },
  { id: 'dpop', label: 'DPoP', Panel: DpopPanel },
  { id: 'attack-lab', label: 'Attack lab', Panel: AttackLabTab },
  { id: 'practice', label: 'Practice verifier', Panel: PracticeTab },
  { id: 'lessons', label: 'Lessons', Panel: LessonsPanel },
]
