package fundexchange.ops.staff;

import fundexchange.ops.Participant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code exchange staff ...}: staff actions for scripted operation, each one signed request to the API with the
 * engine's answer printed as JSON; a refusal exits 1 with {@code code message}.
 */
@Command(name = "staff", mixinStandardHelpOptions = true,
        description = "Staff actions through the signed API (approve, broker, settle, freeze, state).",
        subcommands = {StaffCommand.ApproveListing.class, StaffCommand.ApproveProposal.class,
                StaffCommand.ApproveCustody.class, StaffCommand.Broker.class, StaffCommand.Settle.class,
                FreezeCommand.class, StateCommand.class})
public final class StaffCommand {
    private StaffCommand() {
    }

    /** A staff action on one id: POST {@code path(id)} with an empty body. */
    abstract static class OnId implements Callable<Integer> {
        @Mixin
        SignedRequestOptions signed;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID")
        long id;

        abstract String path(long id);

        String body() {
            return "{}";
        }

        @Override
        public Integer call() {
            Participant.Reply reply = signed.post(path(id), body());
            return SignedRequestOptions.print(reply, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }

    @Command(name = "approve-listing", mixinStandardHelpOptions = true,
            description = "Approves a listing (POST /listings/{id}/approve).")
    static final class ApproveListing extends OnId {
        @Override
        String path(long id) {
            return "/listings/" + id + "/approve";
        }
    }

    @Command(name = "approve-proposal", mixinStandardHelpOptions = true,
            description = "Approves another staff member's proposal (maker-checker).")
    static final class ApproveProposal extends OnId {
        @Override
        String path(long id) {
            return "/proposals/" + id + "/approve";
        }
    }

    @Command(name = "approve-custody", mixinStandardHelpOptions = true,
            description = "Approves a custody registration (POST /custody/{id}/approve).")
    static final class ApproveCustody extends OnId {
        @Override
        String path(long id) {
            return "/custody/" + id + "/approve";
        }
    }

    @Command(name = "settle", mixinStandardHelpOptions = true,
            description = "Confirms a trade's settlement (POST /trades/{id}/settle).")
    static final class Settle extends OnId {
        @Override
        String path(long id) {
            return "/trades/" + id + "/settle";
        }
    }

    @Command(name = "broker", mixinStandardHelpOptions = true,
            description = "Puts a match proposal to both parties (POST /matches/{id}/broker), on its "
            + "own terms unless --units or --price is given.")
    static final class Broker extends OnId {
        @picocli.CommandLine.Option(names = "--units", description = "units to broker, e.g. 280000.00")
        String units;
        @picocli.CommandLine.Option(names = "--price", description = "price per unit, e.g. 0.9000")
        String price;

        @Override
        String path(long id) {
            return "/matches/" + id + "/broker";
        }

        @Override
        String body() {
            com.fasterxml.jackson.databind.node.ObjectNode body =
                    com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            if (units != null) {
                body.put("units", units);
            }
            if (price != null) {
                body.put("price", price);
            }
            return body.toString();
        }
    }
}
