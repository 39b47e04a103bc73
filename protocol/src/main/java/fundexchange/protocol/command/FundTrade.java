package fundexchange.protocol.command;

/**
 * The buyer of a trade settled delivery versus payment (rules version 8) funds it from its available cash: up to what
 * is still due (consideration plus the buyer's fee, less what is already locked for it and a deposit held for it) is
 * locked; once all is locked the trade awaits the fund's registration change.
 */
public record FundTrade(long tradeId) implements Command {
}
