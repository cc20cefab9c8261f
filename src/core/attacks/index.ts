export * from './types'
export { attackCatalogue, attackInfo } from './catalogue'
export {
  craftAttack,
  NONE_CASINGS,
  KID_PATH_TRAVERSAL,
  KID_SQL_INJECTION,
  KID_COMMAND_INJECTION,
  INJECTED_KEY,
  type CraftResult,
} from './craft'
export { editJsonObject, type JsonEdit, type JsonEditErrorCode } from './header-edit'
