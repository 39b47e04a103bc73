package fundexchange.gateway.http;

import fundexchange.documents.pdf.AdmittedPdf;
import fundexchange.documents.pdf.PdfRefusedException;
import fundexchange.documents.watermark.Watermark;
import fundexchange.gateway.GatewayServices;
import fundexchange.gateway.auth.Caller;
import fundexchange.gateway.auth.RequestAuthenticator;
import fundexchange.gateway.dataroom.DataRoomFiles;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.command.RegisterDocument;
import fundexchange.protocol.event.DocumentOpened;
import fundexchange.protocol.reference.Role;
import fundexchange.registry.read.DataRoomReads;
import fundexchange.registry.read.DataRoomReads.DocumentView;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The data room's HTTP side (docs/api.md, Data room): the signed upload of a PDF's bytes ({@code PUT /documents},
 * never journaled: the bytes go to the document store, and only a later {@code RegisterDocument} names their digest),
 * the check that a registration names stored bytes, the watermarked answer to an accepted {@code OpenDocument}, and
 * the room's read with its access log.
 */
final class DataRoomEndpoints {
    private final DataRoomReads reads;
    private final fundexchange.registry.read.RegistryReads registry;
    private final Viewers viewers;
    private final fundexchange.gateway.view.GatewayView view;

    DataRoomEndpoints(fundexchange.registry.read.RegistryReads registry, fundexchange.gateway.view.GatewayView view) {
        this.view = view;
        this.reads = registry.dataRooms();
        this.registry = registry;
        this.viewers = new Viewers(registry, view);
    }

    /**
     * {@code PUT /documents}: an ACTIVE HOLDER's PDF, admitted by the policy and stored by digest; 201 with what was
     * stored. Not journaled, so signed like a read: its {@code X-Client-Request-Id} is single-use (113 on a replay).
     */
    static Handler upload(RequestAuthenticator authenticator, GatewayServices services, AtomicLong pendingKeyChange) {
        return (request, response) -> {
            services.writeProblem().ifPresent(problem -> {
                throw new ApiException(503, ApiError.UNAVAILABLE, problem);
            });
            if (services.view().appliedIndex() < pendingKeyChange.get()) {
                throw new ApiException(503, ApiError.KEY_CACHE_BEHIND, "a key change is being applied; retry shortly");
            }
            if (!request.query().rawValue().isEmpty()) {
                throw new ApiException(400, ApiError.MALFORMED_REQUEST, "PUT /documents takes no query parameters");
            }
            DataRoomFiles files = services.dataRoom();
            // Everything that can be checked before the body is read is checked first (docs/api.md, Data room).
            String claimant = authenticator.claimant(request);
            ReadStanding.ACTIVE.check(services.view().keys().status(claimant));
            if (!uploader(services.view().keys().roles(claimant))) {
                throw new ApiException(403, ApiError.FORBIDDEN, "only holders and fund managers upload data-room documents");
            }
            String type = request.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
            if (!type.equals("application/pdf")) {
                throw new ApiException(400, ApiError.MALFORMED_REQUEST, "Content-Type must be application/pdf");
            }
            int limit = (int) Math.min(Integer.MAX_VALUE - 8, files.limits().maxBytes());
            if (request.headers().first(HeaderNames.CONTENT_LENGTH).isEmpty()) {
                throw new ApiException(400, ApiError.MALFORMED_REQUEST, "an upload declares its Content-Length");
            }
            AdmittedPdf admitted;
            try (DataRoomFiles.UploadSlot slot = files.reserveUpload()) {
                byte[] body = RequestBodies.read(request, limit, files.pace()::guard);
                Caller caller = authenticator.authenticate(request, body, false);
                ReadStanding.ACTIVE.check(services.view().keys().status(caller.participantId()));
                if (!caller.hasAny(Role.HOLDER, Role.MANAGER)) {
                    throw new ApiException(403, ApiError.FORBIDDEN, "only holders and fund managers upload data-room documents");
                }
                admitted = files.upload(slot, caller.participantId(), body, services.dataRoomRegisteredOrUnknown());
            } catch (PdfRefusedException e) {
                throw new ApiException(422, ApiError.PDF_REFUSED, e.reason().name() + ": " + e.getMessage()
                        + " / " + e.reason().chinese());
            } catch (DataRoomFiles.Busy e) {
                throw new ApiException(503, ApiError.UPLOADS_BUSY, e.getMessage());
            } catch (DataRoomFiles.QuotaExceeded e) {
                throw new ApiException(409, ApiError.UPLOAD_QUOTA_EXCEEDED, e.getMessage());
            } catch (IOException e) {
                throw new ApiException(503, ApiError.DOCUMENT_STORE_FAILED, "the document could not be stored");
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("digest", admitted.sha256());
            answer.put("size", admitted.size());
            answer.put("pages", admitted.pages());
            Json.send(response, 201, answer);
        };
    }

    private static boolean uploader(java.util.Collection<Role> roles) {
        return roles.contains(Role.HOLDER) || roles.contains(Role.MANAGER);
    }

    /**
     * A registration ({@code RegisterDocument}, or a manager's {@code RegisterFundDocument}) must name bytes the store
     * holds, uploaded by the registering participant itself (a digest read from another room claims nothing), with
     * their size and pages, before it is journaled.
     */
    static void requireStored(DataRoomFiles files, Caller caller, fundexchange.protocol.command.Command command) {
        Registration registration = command instanceof RegisterDocument c
                ? new Registration(c.digest(), c.size(), c.pages())
                : command instanceof fundexchange.protocol.command.RegisterFundDocument c
                ? new Registration(c.digest(), c.size(), c.pages()) : null;
        if (registration == null || !fundexchange.documents.Sha256.isDigest(registration.digest())) {
            return; // not a registration, or the engine refuses it with its field error
        }
        Optional<AdmittedPdf> stored;
        try {
            stored = files.stored(registration.digest(), caller.participantId());
        } catch (PdfRefusedException e) {
            throw new ApiException(409, ApiError.DOCUMENT_MISMATCH, "the stored document no longer passes the PDF policy: "
                    + e.getMessage());
        } catch (DataRoomFiles.Busy e) {
            throw new ApiException(503, ApiError.UPLOADS_BUSY, e.getMessage());
        } catch (IOException e) {
            throw new ApiException(503, ApiError.DOCUMENT_STORE_FAILED, "the document store could not be read");
        }
        AdmittedPdf pdf = stored.orElseThrow(() -> new ApiException(409, ApiError.DOCUMENT_NOT_STORED,
                "you have stored no document " + registration.digest() + ": PUT /documents first"));
        if (pdf.size() != registration.size() || pdf.pages() != registration.pages()) {
            throw new ApiException(409, ApiError.DOCUMENT_MISMATCH, "the stored document has " + pdf.size() + " bytes and "
                    + pdf.pages() + " pages");
        }
    }

    private record Registration(String digest, long size, int pages) {
    }

    /** How long after an opening a repeat of its request still gets the bytes (a lost or 202 answer's retry). */
    static final long REPEAT_SERVES_FOR_MS = 5 * 60_000L;

    /**
     * Whether {@code document} (the answer to this request) may carry an opening's bytes: a first answer, or a repeat
     * journaled within {@link #REPEAT_SERVES_FOR_MS} of the original {@code answered}. A later repeat gets the JSON
     * document only, so a viewer whose access has ended cannot fetch the bytes again with an old request.
     */
    static boolean repeatServes(EventDocument document, EventDocument answered) {
        return document.outcome().status() != fundexchange.protocol.OutcomeStatus.DUPLICATE
                || document.time() - answered.time() <= REPEAT_SERVES_FOR_MS;
    }

    /**
     * Answers an accepted {@code OpenDocument} of {@code caller} with the document watermarked for them at the
     * opening's journal time; false when {@code answered} is no such opening. A repeat of the request is
     * answered with its JSON document instead (CommandHandler), so the bytes go out once per journaled opening.
     */
    static boolean servedOpening(GatewayServices services, ServerResponse response, Caller caller, EventDocument answered) {
        Optional<DocumentOpened> opened = answered.events().stream()
                .filter(DocumentOpened.class::isInstance).map(DocumentOpened.class::cast)
                .filter(e -> e.viewer().equals(caller.participantId())).findFirst();
        if (opened.isEmpty()) {
            return false;
        }
        DocumentOpened e = opened.get();
        Watermark mark = new Watermark(e.viewer(), Long.toString(e.listingId()), answered.time(), services.view().zone());
        byte[] pdf;
        try {
            pdf = services.dataRoom().watermarked(e.digest(), mark).orElseThrow(() -> new ApiException(503,
                    ApiError.DOCUMENT_STORE_FAILED, "document " + e.documentId() + " is missing from the document store"
                    + " (the opening is journaled); operators: run exchange verify"));
        } catch (PdfRefusedException | IOException ex) {
            throw new ApiException(503, ApiError.DOCUMENT_STORE_FAILED, "document " + e.documentId() + " cannot be served");
        } catch (DataRoomFiles.Busy ex) {
            throw new ApiException(503, ApiError.UPLOADS_BUSY, ex.getMessage());
        }
        response.status(Status.OK_200);
        response.header(HeaderNames.CONTENT_TYPE, "application/pdf");
        response.header(HeaderNames.create("Content-Disposition"), "inline; filename=\"document-" + e.documentId() + ".pdf\"");
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        response.header(HeaderNames.create("X-Content-Type-Options"), "nosniff");
        response.send(pdf);
        return true;
    }

    /**
     * {@code GET /listings/{listingId}/data-room}: its documents (its own and its fund's) to the holder, staff,
     * regulators and the investors it admits who may see the listing or offer itself (without the holder's id); the NDA
     * acceptances and the access log to the holder, staff and regulators only. The two logs are read after {@code
     * ?after=} up to one journal index, {@code nextAfter}, present when either log has more rows than one read answers
     * ({@value DataRoomReads#MAX_ROWS}): both lists are complete up to it, so it is the next read's {@code after}. The
     * holder's access log shows the openings of investors and its own, not those of staff and regulators (oversight
     * does not tell the party it oversees what it reads: docs/rules.md, Data room).
     */
    Object room(Caller caller, ServerRequest request) {
        long listingId = pathLong(request, "listingId");
        long after = ListParams.parse(request).page().after();
        List<DocumentView> documents = reads.documents(listingId);
        Optional<String> holder = reads.holder(listingId);
        boolean oversight = caller.hasAny(Role.STAFF, Role.REGULATOR);
        boolean manager = holder.filter(caller.participantId()::equals).isPresent() || oversight;
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("listingId", listingId);
        if (manager) {
            List<DataRoomReads.AcceptanceView> acceptances = reads.acceptances(listingId, after);
            List<DataRoomReads.OpeningView> openings = reads.openings(listingId, after);
            long until = Long.MAX_VALUE;
            if (acceptances.size() >= DataRoomReads.MAX_ROWS) {
                until = acceptances.getLast().sourceIndex();
            }
            if (openings.size() >= DataRoomReads.MAX_ROWS) {
                until = Math.min(until, openings.getLast().sourceIndex());
            }
            long cut = until;
            answer.put("documents", documents);
            answer.put("directedTo", reads.directed(listingId));
            answer.put("ndaAcceptances", acceptances.stream().filter(a -> a.sourceIndex() <= cut).toList());
            answer.put("accessLog", openings.stream().filter(o -> o.sourceIndex() <= cut)
                    .filter(o -> oversight || !overseer(o.viewer())).toList());
            if (cut != Long.MAX_VALUE) {
                answer.put("nextAfter", cut);
            }
            return answer;
        }
        List<String> directed = reads.directed(listingId);
        if (!caller.has(Role.INVESTOR) || !directed.isEmpty() && !directed.contains(caller.participantId())
                || !seesSubject(caller, listingId)) {
            throw new ApiException(404, ApiError.NOT_FOUND, "no data room " + listingId);
        }
        int accepted = reads.acceptedNdaVersion(listingId, caller.participantId());
        int current = documents.stream().mapToInt(DocumentView::ndaVersion).max().orElse(0);
        boolean underNda = current > 0 && accepted == current;
        answer.put("documents", documents.stream().map(d -> {
            boolean disclosed = underNda || "NDA".equals(d.kind());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("documentId", d.documentId());
            if (disclosed) {
                row.put("digest", d.digest());
            }
            row.put("kind", d.kind());
            row.put("title", d.title());
            if (disclosed) {
                row.put("size", d.size());
                row.put("pages", d.pages());
            }
            row.put("ndaVersion", d.ndaVersion());
            if (d.fundDocument()) {
                row.put("fundDocument", true); // the fund manager's: opened naming this room
            }
            row.put("registeredAt", d.registeredAt());
            return row;
        }).toList());
        answer.put("acceptedNdaVersion", accepted);
        return answer;
    }

    /** Whether {@code participantId} is staff or a regulator (whose openings the holder is not shown). */
    private boolean overseer(String participantId) {
        java.util.Set<Role> roles = view.keys().roles(participantId);
        return roles.contains(Role.STAFF) || roles.contains(Role.REGULATOR);
    }

    /**
     * {@code GET /fund-documents}: a fund manager's funds (those whose transfer terms name it), each with its fund
     * documents in registration order, so it sees what the data rooms of its funds' listings show.
     */
    Object fundDocuments(Caller caller, ServerRequest request) {
        ListParams.strict(request, java.util.Set.of());
        if (!caller.has(Role.MANAGER)) {
            throw new ApiException(403, ApiError.FORBIDDEN, "fund documents are listed to fund managers");
        }
        return Map.of("funds", reads.managedFunds(caller.participantId()).stream().map(fund -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("fundCode", fund);
            row.put("documents", reads.fundDocuments(fund));
            return row;
        }).toList());
    }

    /**
     * Whether the investor {@code caller} may use the room of listing or offer {@code id}, by the engine's rule
     * ({@code DataRoomRules.investorSees}; docs/rules.md, Data room) and the listing and offer reads' rules together:
     * an OPEN auction while qualified, an OPEN negotiated listing offered to it, an OPEN {@code PUBLIC_TEASER} offer, or
     * an OPEN {@code QUALIFIED_ONLY} offer while qualified. A closed, withdrawn or pending subject is no room for an
     * investor, even one the reads still show it to (a bidder, a quoter).
     */
    private boolean seesSubject(Caller caller, long id) {
        fundexchange.registry.read.ListingViewer viewer = viewers.of(caller);
        boolean qualified = viewer.viewer().qualifiedInvestor();
        Optional<fundexchange.registry.read.ListingView> listing = registry.listing(viewer, id);
        if (listing.isPresent()) {
            fundexchange.registry.read.ListingView l = listing.get();
            return "OPEN".equals(l.status()) && ("NEGOTIATED".equals(l.mechanism())
                    ? caller.participantId().equals(l.buyer()) : qualified);
        }
        return registry.offers().offer(viewer, id).filter(o -> "OPEN".equals(o.status())
                && ("PUBLIC_TEASER".equals(o.visibility()) || qualified)).isPresent();
    }

    private static long pathLong(ServerRequest request, String name) {
        return parseLong(request.path().pathParameters().get(name));
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new ApiException(400, ApiError.MALFORMED_REQUEST, "not a number: " + text);
        }
    }
}
