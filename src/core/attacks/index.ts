/** Attack lab: crafted tokens for the classic verifier bugs, with what each exploits and how to fix it. */
export type { AttackErrorCode, AttackExtra, AttackId, AttackInfo, AttackInput, AttackInputName, AttackerKeyType, CraftedToken } from './types'
export { attackCatalogue, attackInfo } from './catalogue'
export { craftAttack, type CraftResult } from './craft'
