package fundexchange.protocol.command;

import java.util.List;

/**
 * The holder names the investors who may see the listing's data room at all (directed disclosure); an empty list opens
 * it again to every investor. Each call replaces the previous list.
 */
public record DirectDisclosure(long listingId, List<String> investors) implements Command {
    public DirectDisclosure {
        investors = investors == null ? null : List.copyOf(investors);
    }
}
