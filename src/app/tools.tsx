import { lazy } from 'react'
import type { ToolTab } from './tool-tabs'
import { AttackLabTab } from '../features/attack-lab/attack-lab-tab'
import { PracticeTab } from '../features/practice/practice-tab'
import { DelegationTab } from '../features/delegation/delegation-tab'
import { MultiHopTab } from '../features/multi-hop/multi-hop-tab'
import { DpopTab } from '../features/dpop/dpop-tab'

const LessonsPanel = lazy(() => import('../features/lessons/lessons-panel').then((m) => ({ default: m.LessonsPanel })))

/**
 * The tools below the debugger, one tab each. Each feature contributes one entry; the order here is the
 * order of the tabs.
 */
export const toolTabs: readonly ToolTab[] = [
  { id: 'delegation', label: 'Delegation', Panel: DelegationTab },
  { id: 'multi-hop', label: 'Multi-hop', Panel: MultiHopTab },
  { id: 'dpop', label: 'DPoP', Panel: DpopTab },
  { id: 'attack-lab', label: 'Attack lab', Panel: AttackLabTab },
  { id: 'practice', label: 'Practice verifier', Panel: PracticeTab },
  { id: 'lessons', label: 'Lessons', Panel: LessonsPanel },
]
