import { Panel } from '../../components/panel'
import { DelegationChainView } from './delegation-chain-view'
import { TokenExchangeForm } from './token-exchange-form'

/** The Delegation tab: the current token's `act` chain and an RFC 8693 token exchange. */
export function DelegationPanel() {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Panel title="Delegation chain">
        <DelegationChainView />
      </Panel>
      <Panel title="Token exchange (RFC 8693)">
        <TokenExchangeForm />
      </Panel>
    </div>
  )
}
