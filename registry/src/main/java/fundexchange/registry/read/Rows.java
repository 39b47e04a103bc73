package fundexchange.registry.read;

import fundexchange.protocol.disclosure.Scope;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/** A {@link Scope} of the disclosure policy as SQL: every row, or the rows meeting any of its grounds. */
final class Rows {
    private Rows() {
    }

    /** {@code scope} as a condition, each ground translated by {@code ground}. */
    static Condition where(Scope scope, Function<Scope.Ground, Condition> ground) {
        return switch (scope) {
            case Scope.Everything everything -> DSL.noCondition();
            case Scope.Grounds grounds -> grounds.grounds().stream().sorted().map(ground)
                    .reduce(Condition::or).orElse(DSL.falseCondition());
        };
    }

    /** A ground a read model does not have: the policy and the read disagree, a bug. */
    static IllegalStateException unknown(Scope.Ground ground, String rows) {
        return new IllegalStateException("no rule for " + ground + " over " + rows);
    }
}
