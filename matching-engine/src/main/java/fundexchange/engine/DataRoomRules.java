package fundexchange.engine;

import fundexchange.engine.dataroom.DataRoom;
import fundexchange.engine.dataroom.FundDocument;
import fundexchange.engine.dataroom.RoomDocument;
import fundexchange.engine.intent.Offer;
import fundexchange.engine.listing.Listing;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.listing.ListingStatus;
import fundexchange.protocol.intent.OfferVisibility;
import fundexchange.protocol.RejectCode;
import fundexchange.protocol.RulesVersion;
import fundexchange.protocol.command.RegisterFundDocument;
import fundexchange.protocol.event.FundDocumentRegistered;
import fundexchange.protocol.reference.Fund;
import fundexchange.protocol.command.AcceptNda;
import fundexchange.protocol.command.DirectDisclosure;
import fundexchange.protocol.command.OpenDocument;
import fundexchange.protocol.command.RegisterDocument;
import fundexchange.protocol.dataroom.DocumentKind;
import fundexchange.protocol.event.DisclosureDirected;
import fundexchange.protocol.event.DocumentOpened;
import fundexchange.protocol.event.DocumentRegistered;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.NdaAccepted;
import fundexchange.protocol.reference.Participant;
import fundexchange.protocol.reference.Role;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The data room (issue 21, docs/rules.md "Data room"): the holder of a live listing or offer registers documents
 * (digest and metadata; an NDA publishes a new version) and may direct the room to named investors; an investor the
 * room admits accepts the current NDA, then may open its documents; the holder, staff and regulators may open them
 * too. Every opening is an event, the access log. From rules version 6 the fund's manager also registers fund
 * documents, which every room of the fund shows (an opening of one names the room).
 */
final class DataRoomRules {
    /** The largest document, in bytes (the gateway's own limit is at most this). */
    static final long MAX_DOCUMENT_BYTES = 20L << 20;
    /** The bytes a room's documents may take together. */
    static final long MAX_ROOM_BYTES = 200L << 20;
    /** The documents a room may hold (NDA versions included). */
    static final int MAX_ROOM_DOCUMENTS = 50;
    /** The pages a document may have. */
    static final int MAX_PAGES = 10_000;
    /** The investors a room may be directed to. */
    static final int MAX_DIRECTED = 200;

    private final ExchangeState state;

    DataRoomRules(ExchangeState state) {
        this.state = state;
    }

    List<Event> register(CommandContext ctx, RegisterDocument c) {
        ctx.requireRole(Role.HOLDER);
        String holder = liveSubjectOf(ctx, c.listingId());
        Digests.required(c.digest(), "digest");
        Validation.present(c.kind(), "kind");
        Validation.text(c.title(), "title");
        Rejection.check(c.size() > 0 && c.size() <= MAX_DOCUMENT_BYTES, RejectCode.DOCUMENT_TOO_LARGE,
                "size must be 1 to " + MAX_DOCUMENT_BYTES + " bytes");
        Rejection.check(c.pages() > 0 && c.pages() <= MAX_PAGES, RejectCode.INVALID_FIELD,
                "pages must be 1 to " + MAX_PAGES);
        DataRoom room = room(c.listingId(), holder);
        Rejection.check(room.documents().stream().noneMatch(d -> d.digest().equals(c.digest())),
                RejectCode.DOCUMENT_ALREADY_IN_ROOM, "the data room of " + c.listingId() + " already holds " + c.digest());
        Rejection.check(room.documents().size() < MAX_ROOM_DOCUMENTS, RejectCode.DATA_ROOM_FULL,
                "a data room holds at most " + MAX_ROOM_DOCUMENTS + " documents");
        Rejection.check(room.totalSize() + c.size() <= MAX_ROOM_BYTES, RejectCode.DATA_ROOM_FULL,
                "a data room holds at most " + MAX_ROOM_BYTES + " bytes");
        int ndaVersion = c.kind() == DocumentKind.NDA ? room.ndaVersion() + 1 : 0;
        return List.of(new DocumentRegistered(ctx.index(), c.listingId(), holder, c.digest(), c.kind(), c.title(),
                c.size(), c.pages(), ndaVersion));
    }

    List<Event> direct(CommandContext ctx, DirectDisclosure c) {
        ctx.requireRole(Role.HOLDER);
        String holder = liveSubjectOf(ctx, c.listingId());
        Validation.present(c.investors(), "investors");
        Rejection.check(c.investors().size() <= MAX_DIRECTED, RejectCode.INVALID_FIELD,
                "a data room is directed to at most " + MAX_DIRECTED + " investors");
        Set<String> seen = new HashSet<>();
        for (String investor : c.investors()) {
            Participant participant = Registers.participant(state, investor);
            Rejection.check(participant.has(Role.INVESTOR), RejectCode.INVALID_FIELD, investor + " is not an investor");
            Rejection.check(seen.add(investor), RejectCode.INVALID_FIELD, investor + " is named twice");
        }
        return List.of(new DisclosureDirected(c.listingId(), holder, c.investors().stream().sorted().toList()));
    }

    List<Event> acceptNda(CommandContext ctx, AcceptNda c) {
        ctx.requireRole(Role.INVESTOR);
        // Visibility first: an investor learns nothing of a listing or offer it may not see (not even whether it exists).
        boolean own = subjectHolder(c.listingId()).filter(ctx.actorId()::equals).isPresent();
        Rejection.check(own || investorSees(ctx, c.listingId()), RejectCode.UNKNOWN_DATA_ROOM_SUBJECT,
                "no listing or offer " + c.listingId());
        Rejection.check(!own, RejectCode.NOT_A_DATA_ROOM_VIEWER, "the holder does not accept its own NDA");
        DataRoom room = state.dataRooms.get(c.listingId());
        Rejection.check(room == null || room.admits(ctx.actorId()), RejectCode.NOT_DIRECTED,
                "the data room of " + c.listingId() + " is not directed to you");
        Rejection.check(room != null && room.ndaVersion() > 0, RejectCode.NO_NDA, "listing " + c.listingId() + " has no NDA");
        String current = room.ndaDigests().get(room.ndaVersion() - 1);
        Rejection.check(c.version() == room.ndaVersion() && current.equals(c.digest()), RejectCode.NDA_NOT_CURRENT,
                "the current NDA of listing " + c.listingId() + " is version " + room.ndaVersion() + ", digest " + current);
        Rejection.check(room.acceptedVersion(ctx.actorId()) < room.ndaVersion(), RejectCode.NDA_ALREADY_ACCEPTED,
                "you already accepted version " + room.ndaVersion());
        return List.of(new NdaAccepted(c.listingId(), ctx.actorId(), c.version(), c.digest(), room.holder()));
    }

    List<Event> open(CommandContext ctx, OpenDocument c) {
        Rejection.check(c.listingId() == null || state.rulesVersion >= RulesVersion.FUND_MANAGER_DOCUMENTS,
                RejectCode.FUND_DOCUMENTS_NOT_IN_RULES, "this journal's rules version names no room in an opening");
        FundDocument fundDocument = state.fundDocuments.get(c.documentId());
        long listingId;
        String digest;
        DocumentKind kind;
        if (fundDocument != null) {
            if (c.listingId() == null) {
                // Only a party that may know the fund's documents learns that this one exists; anyone else hears of an
                // unknown document, as for an id never used (a refusal never says whether a room exists).
                Rejection.check(knowsFundDocuments(ctx.actor(), fundDocument.fundCode()), RejectCode.UNKNOWN_DOCUMENT,
                        "no document " + c.documentId());
                throw new Rejection(RejectCode.DATA_ROOM_NOT_NAMED, "document " + c.documentId()
                        + " is a fund document: name the listing or offer whose data room you open it in");
            }
            listingId = c.listingId();
            // A room of another fund (or no room at all) holds no such document.
            Rejection.check(fundOf(listingId).filter(fundDocument.fundCode()::equals).isPresent(),
                    RejectCode.UNKNOWN_DOCUMENT, "no document " + c.documentId());
            digest = fundDocument.digest();
            kind = fundDocument.kind();
        } else {
            Long roomId = state.documentRooms.get(c.documentId());
            Rejection.check(roomId != null && (c.listingId() == null || c.listingId().equals(roomId)),
                    RejectCode.UNKNOWN_DOCUMENT, "no document " + c.documentId());
            listingId = roomId;
            RoomDocument document = state.dataRooms.get(listingId).document(c.documentId()).orElseThrow();
            digest = document.digest();
            kind = document.kind();
        }
        DataRoom room = room(listingId, subjectHolder(listingId).orElseThrow());
        Participant actor = ctx.actor();
        boolean oversight = actor.has(Role.STAFF) || actor.has(Role.REGULATOR);
        if (!room.holder().equals(actor.participantId()) && !oversight) {
            // Visibility first, as an unknown document: a participant learns nothing of a room it may not see.
            Rejection.check(actor.has(Role.INVESTOR) && investorSees(ctx, listingId), RejectCode.UNKNOWN_DOCUMENT,
                    "no document " + c.documentId());
            Rejection.check(room.admits(actor.participantId()), RejectCode.NOT_DIRECTED,
                    "the data room of " + listingId + " is not directed to you");
            if (kind != DocumentKind.NDA) {
                Rejection.check(room.ndaVersion() > 0, RejectCode.NO_NDA, "listing " + listingId + " has no NDA yet");
                Rejection.check(room.acceptedVersion(actor.participantId()) == room.ndaVersion(),
                        RejectCode.NDA_NOT_ACCEPTED, "accept version " + room.ndaVersion() + " of the NDA of listing "
                                + listingId + " first");
            }
        }
        return List.of(new DocumentOpened(c.documentId(), listingId, actor.participantId(), digest, room.holder()));
    }

    /**
     * The fund's manager (the one its transfer terms name) registers a fund document, shown in the data room of every
     * listing and offer of the fund behind that room's NDA and direction (rules version 6; docs/rules.md, Data room).
     */
    List<Event> registerFundDocument(CommandContext ctx, RegisterFundDocument c) {
        Rejection.check(state.rulesVersion >= RulesVersion.FUND_MANAGER_DOCUMENTS, RejectCode.FUND_DOCUMENTS_NOT_IN_RULES,
                "this journal's rules version has no fund documents");
        ctx.requireRole(Role.MANAGER);
        Fund fund = Registers.fund(state, c.fundCode());
        fundexchange.protocol.transfer.TransferTerms terms = state.transferTerms.get(fund.fundCode());
        Rejection.check(terms != null && ctx.actorId().equals(terms.manager()), RejectCode.NOT_FUND_MANAGER,
                ctx.actorId() + " is not the manager of fund " + fund.fundCode());
        Digests.required(c.digest(), "digest");
        Validation.present(c.kind(), "kind");
        Rejection.check(c.kind().fundLevel(), RejectCode.NOT_A_FUND_DOCUMENT_KIND, "a " + c.kind()
                + " is the holder's, in its listing's data room; a fund document is a PARTNERSHIP_AGREEMENT,"
                + " QUARTERLY_REPORT, APPRAISAL_REPORT or OTHER");
        Validation.text(c.title(), "title");
        Rejection.check(c.size() > 0 && c.size() <= MAX_DOCUMENT_BYTES, RejectCode.DOCUMENT_TOO_LARGE,
                "size must be 1 to " + MAX_DOCUMENT_BYTES + " bytes");
        Rejection.check(c.pages() > 0 && c.pages() <= MAX_PAGES, RejectCode.INVALID_FIELD,
                "pages must be 1 to " + MAX_PAGES);
        List<FundDocument> documents = state.fundDocuments.values().stream()
                .filter(d -> d.fundCode().equals(fund.fundCode())).toList();
        Rejection.check(documents.stream().noneMatch(d -> d.digest().equals(c.digest())),
                RejectCode.DOCUMENT_ALREADY_IN_ROOM, "fund " + fund.fundCode() + " already has document " + c.digest());
        Rejection.check(documents.size() < MAX_ROOM_DOCUMENTS, RejectCode.DATA_ROOM_FULL,
                "a fund has at most " + MAX_ROOM_DOCUMENTS + " fund documents");
        long total = documents.stream().mapToLong(FundDocument::size).sum();
        Rejection.check(total + c.size() <= MAX_ROOM_BYTES, RejectCode.DATA_ROOM_FULL,
                "a fund's documents take at most " + MAX_ROOM_BYTES + " bytes");
        return List.of(new FundDocumentRegistered(ctx.index(), fund.fundCode(), ctx.actorId(), c.digest(), c.kind(),
                c.title(), c.size(), c.pages()));
    }

    /**
     * Whether {@code actor} may be told that fund {@code fundCode} has documents: staff, regulators, the fund's manager
     * and the holder of a listing or resting offer of the fund.
     */
    private boolean knowsFundDocuments(Participant actor, String fundCode) {
        if (actor.has(Role.STAFF) || actor.has(Role.REGULATOR)) {
            return true;
        }
        String id = actor.participantId();
        fundexchange.protocol.transfer.TransferTerms terms = state.transferTerms.get(fundCode);
        if (terms != null && id.equals(terms.manager())) {
            return true;
        }
        return state.listings.values().stream().anyMatch(l -> l.fundCode().equals(fundCode) && l.seller().equals(id))
                || state.intentBook.offers.values().stream()
                        .anyMatch(o -> o.fundCode().equals(fundCode) && o.holder().equals(id));
    }

    /** The fund of listing {@code id}, or of the resting offer {@code id}. */
    private Optional<String> fundOf(long id) {
        Listing listing = state.listings.get(id);
        if (listing != null) {
            return Optional.of(listing.fundCode());
        }
        return Optional.ofNullable(state.intentBook.offers.get(id)).map(Offer::fundCode);
    }

    /**
     * Whether the investor signing {@code ctx} may see listing or offer {@code id} as the listing and offer reads show
     * it while it is live: an OPEN auction while it is qualified, an OPEN negotiated listing offered to it, an open
     * {@code PUBLIC_TEASER} offer, or an open {@code QUALIFIED_ONLY} offer while it is qualified. Not a pending,
     * withdrawn or closed one, even where the reads still show it (to a bidder or a quoter): the room's read applies
     * this same rule (docs/rules.md, Data room).
     */
    private boolean investorSees(CommandContext ctx, long id) {
        Listing listing = state.listings.get(id);
        if (listing != null) {
            return listing.status() == ListingStatus.OPEN && (listing.mechanismOrDefault() == ListingMechanism.NEGOTIATED
                    ? ctx.actorId().equals(listing.buyer()) : TransferChecks.qualified(ctx.actor(), ctx.date()));
        }
        Offer offer = state.intentBook.offers.get(id);
        return offer != null && (offer.visibility() == OfferVisibility.PUBLIC_TEASER
                || TransferChecks.qualified(ctx.actor(), ctx.date()));
    }

    private DataRoom room(long listingId, String holder) {
        DataRoom room = state.dataRooms.get(listingId);
        return room == null ? DataRoom.empty(listingId, holder) : room;
    }

    /** The holder of the live listing or offer {@code listingId}, which must be the signer. */
    private String liveSubjectOf(CommandContext ctx, long listingId) {
        Optional<String> holder = subjectHolder(listingId);
        Rejection.check(holder.isPresent(), RejectCode.UNKNOWN_DATA_ROOM_SUBJECT, "no listing or offer " + listingId);
        Rejection.check(holder.get().equals(ctx.actorId()), RejectCode.NOT_DATA_ROOM_HOLDER,
                "only the holder of " + listingId + " manages its data room");
        Listing listing = state.listings.get(listingId);
        boolean live = listing != null ? listing.live() : state.intentBook.offers.containsKey(listingId);
        Rejection.check(live, RejectCode.DATA_ROOM_SUBJECT_NOT_LIVE, listingId + " is no longer open");
        return holder.get();
    }

    /** The seller of listing {@code id}, or the holder of offer {@code id}; a closed offer is known by its room. */
    private Optional<String> subjectHolder(long id) {
        Listing listing = state.listings.get(id);
        if (listing != null) {
            return Optional.of(listing.seller());
        }
        Offer offer = state.intentBook.offers.get(id);
        if (offer != null) {
            return Optional.of(offer.holder());
        }
        return Optional.ofNullable(state.dataRooms.get(id)).map(DataRoom::holder);
    }
}
