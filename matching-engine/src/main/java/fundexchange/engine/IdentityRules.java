package fundexchange.engine;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.command.ApproveParticipant;
import fundexchange.protocol.command.ApproveProposal;
import fundexchange.protocol.command.FailSettlement;
import fundexchange.protocol.command.FreezeUnits;
import fundexchange.protocol.command.Genesis;
import fundexchange.protocol.command.GenesisParticipant;
import fundexchange.protocol.command.Propose;
import fundexchange.protocol.command.RegisterFirstKey;
import fundexchange.protocol.command.RegisterParticipant;
import fundexchange.protocol.command.RegisterReplacementKey;
import fundexchange.protocol.command.ReinstateParticipant;
import fundexchange.protocol.command.RevokeParticipantKey;
import fundexchange.protocol.command.SuspendParticipant;
import fundexchange.protocol.command.RevokeKey;
import fundexchange.protocol.command.RotateKey;
import fundexchange.protocol.command.SensitiveAction;
import fundexchange.protocol.command.SetPlatformParameter;
import fundexchange.protocol.command.SetQualification;
import fundexchange.protocol.command.SetStateOwned;
import fundexchange.protocol.command.RecordReserveApproval;
import fundexchange.protocol.command.SetTransferTerms;
import fundexchange.protocol.command.SetOfficialCalendar;
import fundexchange.protocol.command.OverrideRofr;
import fundexchange.protocol.command.UnfreezeUnits;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.ExchangeKeyRegistered;
import fundexchange.protocol.event.KeyRegistered;
import fundexchange.protocol.event.KeyRevoked;
import fundexchange.protocol.event.ParticipantApproved;
import fundexchange.protocol.event.ParticipantRegistered;
import fundexchange.protocol.event.ParticipantReinstated;
import fundexchange.protocol.event.PlatformParameterSet;
import fundexchange.protocol.event.ProposalApproved;
import fundexchange.protocol.event.ProposalCreated;
import fundexchange.protocol.reference.KeyRecord;
import fundexchange.protocol.reference.KeyStatus;
import fundexchange.protocol.reference.Participant;
import fundexchange.protocol.reference.ParticipantStatus;
import fundexchange.protocol.reference.ParticipantType;
import fundexchange.protocol.reference.Role;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeSet;

/** Participants, keys, platform parameters and maker-checker proposals (CONTRACTS.md 3, 4 and 18). */
final class IdentityRules {
    /** Maker-checker needs a second staff member even when one is conflicted (CONTRACTS.md 18). */
    static final int MIN_GENESIS_STAFF = 3;
    private final ExchangeState state;
    private final SettlementRules settlement;
    private final QualificationRules qualifications;
    private final Encumbrances encumbrances;
    private final ActiveStaff staff;
    private final Suspension suspension;
    private final StateOwnedRules stateOwned;
    private final TransferTermsRules transferTerms;
    private final TransferNotices notices;
    private final CashRules cash;

    IdentityRules(ExchangeState state, SettlementRules settlement, QualificationRules qualifications, Encumbrances encumbrances,
                  TransferTermsRules transferTerms, TransferNotices notices, CashRules cash) {
        this.cash = cash;
        this.transferTerms = transferTerms;
        this.notices = notices;
        this.state = state;
        this.settlement = settlement;
        this.qualifications = qualifications;
        this.encumbrances = encumbrances;
        this.staff = new ActiveStaff(state);
        this.suspension = new Suspension(state);
        this.stateOwned = new StateOwnedRules(state, new TransferChecks(state));
    }

    List<Event> genesis(Genesis command) {
        Rejection.check(!state.genesisDone() && state.participants.isEmpty(), RejectCode.GENESIS_NOT_ALLOWED,
                "genesis is valid only as the first command");
        Validation.id(command.exchangeKeyId(), "exchangeKeyId");
        byte[] exchangeKey = Validation.publicKey(command.exchangeAlgorithm(), command.exchangePublicKey());
        Validation.present(command.participants(), "participants");
        long staff = command.participants().stream().filter(p -> p.role() == Role.STAFF).count();
        long regulators = command.participants().stream().filter(p -> p.role() == Role.REGULATOR).count();
        Rejection.check(staff >= MIN_GENESIS_STAFF && regulators >= 1 && staff + regulators == command.participants().size(),
                RejectCode.INVALID_FIELD, "genesis needs at least " + MIN_GENESIS_STAFF
                        + " staff and one regulator, and no other participant");
        List<Event> events = new ArrayList<>();
        TreeSet<String> ids = new TreeSet<>();
        TreeSet<String> keyIds = new TreeSet<>(List.of(Validation.folded(command.exchangeKeyId())));
        TreeSet<String> keys = new TreeSet<>(List.of(Base64.getEncoder().encodeToString(exchangeKey)));
        events.add(new ExchangeKeyRegistered(command.exchangeKeyId(), command.exchangeAlgorithm(), command.exchangePublicKey()));
        for (GenesisParticipant p : command.participants()) {
            Rejection.check(ids.add(Validation.folded(Validation.id(p.participantId(), "participantId"))),
                    RejectCode.PARTICIPANT_EXISTS, "duplicate participant " + p.participantId() + " (ids are unique ignoring case)");
            ownKeyId(p.participantId(), p.keyId());
            Rejection.check(keyIds.add(Validation.folded(p.keyId())), RejectCode.KEY_ID_USED, "duplicate key id " + p.keyId());
            Validation.text(p.name(), "name");
            byte[] key = Validation.publicKey(p.algorithm(), p.publicKey());
            Rejection.check(keys.add(Base64.getEncoder().encodeToString(key)), RejectCode.PUBLIC_KEY_USED,
                    "public key of " + p.participantId() + " is already in the genesis; every participant has its own key");
            events.add(new ParticipantRegistered(p.participantId(), p.name(), ParticipantType.INSTITUTION, List.of(p.role()), true));
            events.add(new KeyRegistered(p.participantId(), p.keyId(), p.algorithm(), p.publicKey()));
        }
        events.addAll(CalendarRules.atGenesis(state, command.calendars()));
        return events;
    }

    List<Event> register(CommandContext ctx, RegisterParticipant command) {
        ctx.requireRole(Role.STAFF);
        Validation.id(command.participantId(), "participantId");
        Validation.text(command.name(), "name");
        Validation.present(command.participantType(), "participantType");
        Rejection.check(command.roles() != null && !command.roles().isEmpty()
                        && command.roles().stream().noneMatch(java.util.Objects::isNull),
                RejectCode.INVALID_FIELD, "roles must not be empty");
        CashRules.bankRole(state.rulesVersion, command.roles());
        CashRules.oneBank(state, command.participantId(), command.roles());
        Duties.compatible(command.roles());
        String taken = state.foldedParticipantIds.get(Validation.folded(command.participantId()));
        Rejection.check(taken == null, RejectCode.PARTICIPANT_EXISTS, "participant " + command.participantId()
                + " already exists" + (command.participantId().equals(taken) ? "" : " as " + taken + " (ids are unique ignoring case)"));
        List<Role> roles = List.copyOf(new TreeSet<>(command.roles()));
        String legalName = command.legalName() == null ? null : Validation.text(command.legalName(), "legalName");
        String registrationNumber = command.registrationNumber() == null ? null
                : Validation.id(command.registrationNumber(), "registrationNumber");
        return List.of(new ParticipantRegistered(command.participantId(), command.name(), command.participantType(), roles,
                false, legalName, registrationNumber));
    }

    List<Event> propose(CommandContext ctx, Propose command) {
        ctx.requireRole(Role.STAFF);
        Validation.present(command.action(), "action");
        notParty(ctx.actorId(), command.action());
        decideAction(ctx.index(), ctx.index(), ctx.actorId(), command.action());
        return List.of(new ProposalCreated(ctx.index(), ctx.actorId(), command.action(),
                saturatedAdd(ctx.time(), state.parameters.proposalExpiryMs())));
    }

    List<Event> approve(CommandContext ctx, ApproveProposal command) {
        ctx.requireRole(Role.STAFF);
        ExchangeState.Proposal proposal = state.proposals.get(command.proposalId());
        Rejection.check(proposal != null, RejectCode.UNKNOWN_PROPOSAL, "no proposal " + command.proposalId());
        Rejection.check(!proposal.approved(), RejectCode.PROPOSAL_NOT_PENDING, "proposal already approved");
        Rejection.check(!proposal.expired() && (proposal.expiresAt() == 0 || ctx.time() < proposal.expiresAt()),
                RejectCode.PROPOSAL_EXPIRED, "proposal " + proposal.proposalId() + " expired unapproved; propose it again");
        Participant proposer = state.participants.get(proposal.proposer());
        Rejection.check(proposer != null && proposer.active(), RejectCode.PROPOSAL_EXPIRED,
                "proposal " + proposal.proposalId() + " lapsed: its proposer " + proposal.proposer() + " is no longer active");
        Rejection.check(!proposal.proposer().equals(ctx.actorId()), RejectCode.SAME_STAFF_APPROVAL,
                "a proposal must be approved by a different staff member");
        notParty(ctx.actorId(), proposal.action());
        List<Event> events = new ArrayList<>();
        events.add(new ProposalApproved(proposal.proposalId(), ctx.actorId()));
        events.addAll(decideAction(proposal.proposalId(), ctx.index(), proposal.proposer(), proposal.action()));
        if (proposal.action() instanceof SetOfficialCalendar c) {
            events.addAll(new CalendarRules(state).superseded(proposal.proposalId(), c.year()));
        }
        return events;
    }

    private static long saturatedAdd(long time, long period) {
        return time > Long.MAX_VALUE - period ? Long.MAX_VALUE : time + period;
    }

    /** Refuses a maker or checker who is a party to what the action concerns (CONTRACTS.md 18). */
    private void notParty(String staff, SensitiveAction action) {
        switch (action) {
            case ApproveParticipant a -> Duties.notParty(staff, "the approval of participant " + a.participantId(), a.participantId());
            case SetQualification q -> Duties.notParty(staff, "the qualification of " + q.participantId(), q.participantId());
            case RegisterFirstKey k -> Duties.notParty(staff, "the first key of " + k.participantId(), k.participantId());
            case SetPlatformParameter p -> {
            }
            case FailSettlement f -> {
                fundexchange.engine.listing.Trade trade = state.trades.get(f.tradeId());
                if (trade != null) {
                    Duties.notParty(staff, "trade " + trade.tradeId(), trade.seller(), trade.buyer());
                }
            }
            case FreezeUnits f -> Duties.notParty(staff, "a freeze of units held by " + f.holder(), f.holder());
            case UnfreezeUnits u -> {
                fundexchange.engine.custody.Freeze freeze = state.freezes.get(u.freezeId());
                if (freeze != null) {
                    Duties.notParty(staff, "freeze " + freeze.freezeId(), freeze.holder());
                }
            }
            case SuspendParticipant p -> Duties.notParty(staff, "the suspension of " + p.participantId(), p.participantId());
            case ReinstateParticipant p -> Duties.notParty(staff, "the reinstatement of " + p.participantId(), p.participantId());
            case RevokeParticipantKey k -> {
                KeyRecord key = k.keyId() == null ? null : state.keys.get(k.keyId());
                if (key != null) {
                    Duties.notParty(staff, "the revocation of key " + key.keyId(), key.participantId());
                }
            }
            case RegisterReplacementKey k -> Duties.notParty(staff, "a replacement key of " + k.participantId(), k.participantId());
            case SetStateOwned s -> Duties.notParty(staff, "the state-owned flag of " + s.participantId(), s.participantId());
            case RecordReserveApproval r -> Duties.notParty(staff, "a reserve approval of " + r.holder(), r.holder());
            case SetTransferTerms t -> Duties.notParty(staff, "the transfer terms of " + t.fundCode(), t.manager());
            case SetOfficialCalendar c -> {
            }
            case OverrideRofr o -> {
                fundexchange.engine.listing.Listing listing = state.listings.get(o.listingId());
                if (listing != null) {
                    Duties.notParty(staff, "listing " + listing.listingId(), listing.seller(), listing.buyer(), o.exercisedBy());
                }
            }
            case fundexchange.protocol.command.AssignSuspenseReceipt a ->
                    Duties.notParty(staff, "an assignment of cash to " + a.participantId(), a.participantId());
            case fundexchange.protocol.command.ReturnSuspenseReceipt r -> { } // the platform's suspense account only
            case fundexchange.protocol.command.AcknowledgeEscrowAlarm a -> { } // the platform's escrow only
            case fundexchange.protocol.command.CorrectCash c -> CashRules.notParty(staff, c);
            case fundexchange.protocol.command.OverrideSettlement o -> {
                fundexchange.engine.listing.Trade trade = state.trades.get(o.tradeId());
                if (trade != null) {
                    Duties.notParty(staff, "trade " + trade.tradeId(), trade.seller(), trade.buyer());
                }
            }
        }
    }

    /**
     * The action's events; {@code proposalId} names what it creates (a freeze), {@code index} is the deciding command's
     * (ids from the journal: a payout instruction's), {@code proposer} is the maker.
     */
    private List<Event> decideAction(long proposalId, long index, String proposer, SensitiveAction action) {
        return switch (action) {
            case ApproveParticipant a -> {
                Participant participant = existing(a.participantId());
                Rejection.check(participant.status() == ParticipantStatus.PENDING, RejectCode.PARTICIPANT_NOT_PENDING,
                        "participant " + a.participantId() + " is not pending");
                CashRules.oneBank(state, a.participantId(), participant.roles());
                yield List.of(new ParticipantApproved(a.participantId()));
            }
            case SetQualification q -> qualifications.decide(q, proposer);
            case RegisterFirstKey k -> {
                existing(k.participantId());
                Rejection.check(!state.hasAnyKey(k.participantId()), RejectCode.FIRST_KEY_EXISTS,
                        "participant already has a key; later keys come by rotation");
                yield List.of(newKey(k.participantId(), k.keyId(), k.algorithm(), k.publicKey()));
            }
            case SetPlatformParameter p -> {
                fundexchange.protocol.reference.PlatformParameters next;
                try {
                    SettlementDeadline.requireParameterOfVersion(state.rulesVersion, p.name());
                    BidDeposits.requireParameterOfVersion(state.rulesVersion, p.name());
                    MarketDataRules.requireParameterOfVersion(state.rulesVersion, p.name());
                    AuctionMechanism.requireFeeParameterOfVersion(state.rulesVersion, p.name());
                    next = state.parameters.with(p.name(), p.value());
                } catch (IllegalArgumentException e) {
                    throw new Rejection(RejectCode.INVALID_PARAMETER, e.getMessage());
                }
                state.requests.prepare(next); // allocates a new capacity's generations before anything changes
                yield List.of(new PlatformParameterSet(p.name(), p.value()));
            }
            case FailSettlement f -> settlement.fail(f);
            case FreezeUnits f -> encumbrances.freeze(f, proposalId);
            case UnfreezeUnits u -> encumbrances.unfreeze(u);
            case SuspendParticipant p -> {
                Participant participant = existing(p.participantId());
                String reason = Validation.text(p.reason(), "reason");
                Rejection.check(participant.active(), RejectCode.PARTICIPANT_NOT_ACTIVE_FOR_SUSPENSION,
                        "participant " + p.participantId() + " is " + participant.status() + "; only an ACTIVE participant"
                                + " can be suspended");
                staff.keepsTwoWithout(p.participantId(), "suspending " + p.participantId());
                yield suspension.suspend(p.participantId(), proposalId, reason);
            }
            case ReinstateParticipant p -> {
                Participant participant = existing(p.participantId());
                String reason = Validation.text(p.reason(), "reason");
                Rejection.check(participant.status() == ParticipantStatus.SUSPENDED, RejectCode.PARTICIPANT_NOT_SUSPENDED,
                        "participant " + p.participantId() + " is " + participant.status() + ", not SUSPENDED");
                CashRules.oneBank(state, p.participantId(), participant.roles());
                yield List.of(new ParticipantReinstated(p.participantId(), proposalId, reason));
            }
            case RevokeParticipantKey k -> {
                Validation.text(k.reason(), "reason");
                KeyRecord key = k.keyId() == null ? null : state.keys.get(k.keyId());
                Rejection.check(key != null, RejectCode.UNKNOWN_KEY, "no key " + k.keyId());
                Rejection.check(key.status() == KeyStatus.ACTIVE, RejectCode.KEY_REVOKED, "key already revoked");
                if (state.activeKeys.getOrDefault(key.participantId(), 0) == 1) {
                    staff.keepsTwoWithout(key.participantId(), "revoking the last active key of " + key.participantId());
                }
                yield List.of(new KeyRevoked(key.participantId(), key.keyId(), proposer));
            }
            case RegisterReplacementKey k -> {
                existing(k.participantId());
                Rejection.check(!state.hasActiveKey(k.participantId()), RejectCode.ACTIVE_KEY_EXISTS,
                        "participant " + k.participantId() + " has an active key; it rotates keys itself");
                yield List.of(newKey(k.participantId(), k.keyId(), k.algorithm(), k.publicKey()));
            }
            case SetStateOwned s -> stateOwned.set(s, proposalId);
            case RecordReserveApproval r -> stateOwned.recordApproval(r, proposalId);
            case SetTransferTerms t -> transferTerms.decide(t);
            case OverrideRofr o -> notices.override(o, proposer);
            case fundexchange.protocol.command.AssignSuspenseReceipt a -> cash.assign(a, proposalId);
            case fundexchange.protocol.command.ReturnSuspenseReceipt r -> cash.returnReceipt(r, index);
            case fundexchange.protocol.command.AcknowledgeEscrowAlarm a -> cash.acknowledge(a, proposalId);
            case fundexchange.protocol.command.CorrectCash c -> cash.correct(c, proposalId);
            case fundexchange.protocol.command.OverrideSettlement o -> settlement.dvp().override(o, proposalId, index,
                    java.time.Instant.ofEpochMilli(state.lastTime).atZone(java.time.ZoneId.of(state.parameters.zone()))
                            .toLocalDate());
            case SetOfficialCalendar c -> List.of(new CalendarRules(state).proposed(c));
        };
    }

    List<Event> rotate(CommandContext ctx, RotateKey command) {
        return List.of(newKey(ctx.actorId(), command.newKeyId(), command.algorithm(), command.publicKey()));
    }

    List<Event> revoke(CommandContext ctx, RevokeKey command) {
        KeyRecord key = state.keys.get(command.keyId());
        Rejection.check(key != null, RejectCode.UNKNOWN_KEY, "no key " + command.keyId());
        Rejection.check(key.participantId().equals(ctx.actorId()) || ctx.actor().has(Role.STAFF), RejectCode.WRONG_ROLE,
                "only the key's owner or staff may revoke it");
        Rejection.check(key.status() == KeyStatus.ACTIVE, RejectCode.KEY_REVOKED, "key already revoked");
        boolean own = key.participantId().equals(ctx.actorId());
        Rejection.check(own || ctx.actor().active(), RejectCode.PARTICIPANT_SUSPENDED,
                "a suspended staff member may revoke only its own keys");
        if (state.activeKeys.getOrDefault(key.participantId(), 0) == 1) {
            Rejection.check(own, RejectCode.LAST_KEY_NEEDS_PROPOSAL, "key " + key.keyId() + " is the last active key of "
                    + key.participantId() + "; staff revoke it by proposing RevokeParticipantKey (maker-checker)"
                    + " / 该密钥是 " + key.participantId() + " 最后一把有效密钥；工作人员须以复核提案 RevokeParticipantKey 撤销");
            staff.keepsTwoWithout(key.participantId(), "revoking the last active key of " + key.participantId()
                    + " (rotate to a new key first)");
        }
        return List.of(new KeyRevoked(key.participantId(), key.keyId(), ctx.actorId()));
    }

    private KeyRegistered newKey(String participantId, String keyId, String algorithm, String publicKey) {
        ownKeyId(participantId, keyId);
        Rejection.check(!state.foldedKeyIds.contains(Validation.folded(keyId)), RejectCode.KEY_ID_USED,
                "key id " + keyId + " was already used (key ids are unique ignoring case and never reused)");
        byte[] key = Validation.publicKey(algorithm, publicKey);
        Rejection.check(!state.publicKeys.contains(Base64.getEncoder().encodeToString(key)), RejectCode.PUBLIC_KEY_USED,
                "this public key is already registered (keys are never shared between participants or reused)");
        return new KeyRegistered(participantId, keyId, algorithm, publicKey);
    }

    /**
     * Key ids are namespaced by participant: {@code <participantId>-<suffix>}, the participant id spelled as registered
     * and a suffix without {@code -}, so every key id names exactly one owner ({@code Holder} cannot take
     * {@code Holder-01-k1}, which belongs to a future {@code Holder-01}).
     */
    private static void ownKeyId(String participantId, String keyId) {
        Validation.id(keyId, "keyId");
        Rejection.check(keyId.startsWith(participantId + "-") && keyId.length() > participantId.length() + 1
                        && keyId.indexOf('-', participantId.length() + 1) < 0,
                RejectCode.KEY_ID_NOT_OWN, "key id " + keyId + " must be " + participantId
                        + "-<suffix> (its owner's id, then a suffix without '-')");
    }

    private Participant existing(String participantId) {
        Participant participant = participantId == null ? null : state.participants.get(participantId);
        Rejection.check(participant != null, RejectCode.UNKNOWN_PARTICIPANT, "no participant " + participantId);
        return participant;
    }
}
