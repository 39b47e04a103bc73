package fundexchange.engine;

import fundexchange.engine.command.ApproveParticipant;
import fundexchange.engine.command.ApproveProposal;
import fundexchange.engine.command.FailSettlement;
import fundexchange.engine.command.FreezeUnits;
import fundexchange.engine.command.Genesis;
import fundexchange.engine.command.GenesisParticipant;
import fundexchange.engine.command.Propose;
import fundexchange.engine.command.RegisterFirstKey;
import fundexchange.engine.command.RegisterParticipant;
import fundexchange.engine.command.RevokeKey;
import fundexchange.engine.command.RotateKey;
import fundexchange.engine.command.SensitiveAction;
import fundexchange.engine.command.SetPlatformParameter;
import fundexchange.engine.command.SetQualification;
import fundexchange.engine.command.UnfreezeUnits;
import fundexchange.engine.event.Event;
import fundexchange.engine.event.ExchangeKeyRegistered;
import fundexchange.engine.event.KeyRegistered;
import fundexchange.engine.event.KeyRevoked;
import fundexchange.engine.event.ParticipantApproved;
import fundexchange.engine.event.ParticipantRegistered;
import fundexchange.engine.event.PlatformParameterSet;
import fundexchange.engine.event.ProposalApproved;
import fundexchange.engine.event.ProposalCreated;
import fundexchange.engine.reference.KeyRecord;
import fundexchange.engine.reference.KeyStatus;
import fundexchange.engine.reference.Participant;
import fundexchange.engine.reference.ParticipantStatus;
import fundexchange.engine.reference.ParticipantType;
import fundexchange.engine.reference.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Participants, keys, platform parameters and maker-checker proposals (CONTRACTS.md 3 and 4). */
final class IdentityRules {
    private final ExchangeState state;
    private final SettlementRules settlement;
    private final QualificationRules qualifications;
    private final Encumbrances encumbrances;

    IdentityRules(ExchangeState state, SettlementRules settlement, QualificationRules qualifications, Encumbrances encumbrances) {
        this.state = state;
        this.settlement = settlement;
        this.qualifications = qualifications;
        this.encumbrances = encumbrances;
    }

    List<Event> genesis(Genesis command) {
        Rejection.check(!state.genesisDone() && state.participants.isEmpty(), RejectCode.GENESIS_NOT_ALLOWED,
                "genesis is valid only as the first command");
        Validation.id(command.exchangeKeyId(), "exchangeKeyId");
        Validation.algorithm(command.exchangeAlgorithm());
        Validation.publicKey(command.exchangePublicKey());
        Validation.present(command.participants(), "participants");
        long staff = command.participants().stream().filter(p -> p.role() == Role.STAFF).count();
        long regulators = command.participants().stream().filter(p -> p.role() == Role.REGULATOR).count();
        Rejection.check(staff == 2 && regulators == 1 && command.participants().size() == 3, RejectCode.INVALID_FIELD,
                "genesis needs exactly two staff and one regulator");
        List<Event> events = new ArrayList<>();
        TreeSet<String> ids = new TreeSet<>();
        TreeSet<String> keyIds = new TreeSet<>(List.of(command.exchangeKeyId()));
        events.add(new ExchangeKeyRegistered(command.exchangeKeyId(), command.exchangeAlgorithm(), command.exchangePublicKey()));
        for (GenesisParticipant p : command.participants()) {
            Rejection.check(ids.add(Validation.id(p.participantId(), "participantId")), RejectCode.PARTICIPANT_EXISTS,
                    "duplicate participant " + p.participantId());
            Rejection.check(keyIds.add(Validation.id(p.keyId(), "keyId")), RejectCode.KEY_ID_USED, "duplicate key id " + p.keyId());
            Validation.text(p.name(), "name");
            Validation.algorithm(p.algorithm());
            Validation.publicKey(p.publicKey());
            events.add(new ParticipantRegistered(p.participantId(), p.name(), ParticipantType.INSTITUTION, List.of(p.role()), true));
            events.add(new KeyRegistered(p.participantId(), p.keyId(), p.algorithm(), p.publicKey()));
        }
        return events;
    }

    List<Event> register(CommandContext ctx, RegisterParticipant command) {
        ctx.requireRole(Role.STAFF);
        Validation.id(command.participantId(), "participantId");
        Validation.text(command.name(), "name");
        Validation.present(command.participantType(), "participantType");
        Rejection.check(command.roles() != null && !command.roles().isEmpty(), RejectCode.INVALID_FIELD, "roles must not be empty");
        Rejection.check(!state.participants.containsKey(command.participantId()), RejectCode.PARTICIPANT_EXISTS,
                "participant " + command.participantId() + " already exists");
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
        decideAction(ctx.index(), ctx.actorId(), command.action());
        return List.of(new ProposalCreated(ctx.index(), ctx.actorId(), command.action()));
    }

    List<Event> approve(CommandContext ctx, ApproveProposal command) {
        ctx.requireRole(Role.STAFF);
        ExchangeState.Proposal proposal = state.proposals.get(command.proposalId());
        Rejection.check(proposal != null, RejectCode.UNKNOWN_PROPOSAL, "no proposal " + command.proposalId());
        Rejection.check(!proposal.approved(), RejectCode.PROPOSAL_NOT_PENDING, "proposal already approved");
        Rejection.check(!proposal.proposer().equals(ctx.actorId()), RejectCode.SAME_STAFF_APPROVAL,
                "a proposal must be approved by a different staff member");
        List<Event> events = new ArrayList<>();
        events.add(new ProposalApproved(proposal.proposalId(), ctx.actorId()));
        events.addAll(decideAction(proposal.proposalId(), proposal.proposer(), proposal.action()));
        return events;
    }

    /** The action's events; {@code proposalId} names what it creates (a freeze), {@code proposer} is the maker. */
    private List<Event> decideAction(long proposalId, String proposer, SensitiveAction action) {
        return switch (action) {
            case ApproveParticipant a -> {
                Participant participant = existing(a.participantId());
                Rejection.check(participant.status() == ParticipantStatus.PENDING, RejectCode.PARTICIPANT_NOT_PENDING,
                        "participant " + a.participantId() + " is not pending");
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
                try {
                    state.parameters.with(p.name(), p.value());
                } catch (IllegalArgumentException e) {
                    throw new Rejection(RejectCode.INVALID_PARAMETER, e.getMessage());
                }
                yield List.of(new PlatformParameterSet(p.name(), p.value()));
            }
            case FailSettlement f -> settlement.fail(f);
            case FreezeUnits f -> encumbrances.freeze(f, proposalId);
            case UnfreezeUnits u -> encumbrances.unfreeze(u);
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
        return List.of(new KeyRevoked(key.participantId(), key.keyId(), ctx.actorId()));
    }

    private KeyRegistered newKey(String participantId, String keyId, String algorithm, String publicKey) {
        Validation.id(keyId, "keyId");
        Rejection.check(!state.keys.containsKey(keyId) && !isExchangeKey(keyId), RejectCode.KEY_ID_USED,
                "key id " + keyId + " was already used");
        Validation.algorithm(algorithm);
        Validation.publicKey(publicKey);
        return new KeyRegistered(participantId, keyId, algorithm, publicKey);
    }

    private boolean isExchangeKey(String keyId) {
        return state.exchangeKey != null && state.exchangeKey.keyId().equals(keyId);
    }

    private Participant existing(String participantId) {
        Participant participant = participantId == null ? null : state.participants.get(participantId);
        Rejection.check(participant != null, RejectCode.UNKNOWN_PARTICIPANT, "no participant " + participantId);
        return participant;
    }
}
