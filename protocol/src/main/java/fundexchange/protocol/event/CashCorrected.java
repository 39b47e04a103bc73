package fundexchange.protocol.event;

import fundexchange.protocol.cash.AccountRef;
import fundexchange.protocol.money.Money;

/**
 * Staff moved {@code amount} of available cash in {@code currency} from one account to another by maker-checker
 * ({@code proposalId}), with the reason. Each participant named sees its own side only, never the other account.
 */
public record CashCorrected(long proposalId, String currency, AccountRef from, AccountRef to, Money amount,
                            String reason) implements CashEvent {
}
