package fundexchange.protocol;

/**
 * The rules version a journal was written under (CONTRACTS.md 16), recorded in its genesis. Rule changes that alter
 * outcomes raise {@link #CURRENT}; this engine decides only journals of its own version, and refuses to start on
 * any other (their bundles stay verifiable with {@code exchange audit verify}). Version 1 is every journal whose
 * genesis has no {@code rulesVersion}; version 2 (issue 13, "Hardening I") keeps request ids for a retention in
 * journal time and checks windows with saturating arithmetic, and completes segregation of duties with the
 * participant lifecycle (suspension, two active staff kept, a participant's last key revoked by staff only by
 * maker-checker): issue 13 is open and no version-2 journal exists outside development, so these stay version 2.
 */
public final class RulesVersion {
    /** A genesis without the field: journals written before rules versions existed. */
    public static final int LEGACY = 1;
    /** The version this engine decides by, and {@code init}/{@code demo} write. */
    public static final int CURRENT = 2;

    private RulesVersion() {
    }

    /** The version a genesis records: its field, or {@link #LEGACY} if absent. */
    public static int of(Integer recorded) {
        return recorded == null ? LEGACY : recorded;
    }

    /**
     * Throws {@link Refused} if {@code first}, a journal's first command, is a genesis of another rules version (a
     * journal that does not start with a genesis is left to the engine, which rejects its commands).
     */
    public static void requireOf(fundexchange.protocol.CommandRecord first) {
        if (first.index() == 1 && first.command() instanceof fundexchange.protocol.command.Genesis genesis) {
            require(of(genesis.rulesVersion()), "journal");
        }
    }

    /** Throws {@link Refused} unless {@code version} is {@link #CURRENT}; {@code what} names the journal or snapshot. */
    public static void require(int version, String what) {
        if (version != CURRENT) {
            throw new Refused(version, what);
        }
    }

    /** This engine refuses to replay a journal (or restore a snapshot) of another rules version. */
    public static final class Refused extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        Refused(int version, String what) {
            super("the " + what + " follows rules version " + version + "; this engine decides by rules version "
                    + CURRENT + " and refuses to replay it (the journal stays verifiable with exchange audit verify)"
                    + " / " + what + " 遵循规则版本 " + version + "；本引擎按规则版本 " + CURRENT
                    + " 决定，拒绝重放该日志（该日志仍可用 exchange audit verify 验证）");
        }
    }
}
