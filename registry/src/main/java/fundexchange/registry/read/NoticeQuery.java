package fundexchange.registry.read;

import java.util.Optional;

/**
 * Which notices to read: of one fund or all, those naming one participant (as transferor, manager or recipient) or
 * all (oversight), open ones, resolved ones or both.
 */
public record NoticeQuery(Optional<String> fundCode, Optional<String> party, Optional<Boolean> open) {
}
