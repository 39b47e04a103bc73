package fundexchange.registry.projector;

import static fundexchange.registry.TestJournal.HOLDER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.protocol.command.ReinstateParticipant;
import fundexchange.protocol.command.SuspendParticipant;
import fundexchange.registry.MigratedRegistry;
import fundexchange.registry.TestJournal;
import fundexchange.registry.read.ParticipantView;
import fundexchange.registry.read.RegistryReads;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Suspension and reinstatement as the registry projects them (issue 14): status, reason and deciding index. */
class ParticipantStatusProjectionTest {
    @RegisterExtension
    static final MigratedRegistry REGISTRY = new MigratedRegistry();
    private final DataSource dataSource = REGISTRY.dataSource();

    @TempDir
    Path data;
    private TestJournal journal;

    @BeforeEach
    void market() {
        journal = new TestJournal(data).market();
    }

    @AfterEach
    void closeJournal() {
        journal.close();
    }

    @Test
    void aSuspensionAndAReinstatementSetTheStatusWithTheirReasonAndIndex() {
        long suspended = journal.approved(new SuspendParticipant(HOLDER, "sanctions screening hit")) + 1;  // the approval
        project();
        assertEquals(List.of("SUSPENDED", "sanctions screening hit", String.valueOf(suspended)), standing());
        assertEquals(List.of(HOLDER), new RegistryReads(dataSource).participants(java.util.Optional.empty(),
                java.util.Optional.of("SUSPENDED")).stream().map(ParticipantView::participantId).toList());

        long reinstated = journal.approved(new ReinstateParticipant(HOLDER, "cleared")) + 1;
        project();
        assertEquals(List.of("ACTIVE", "cleared", String.valueOf(reinstated)), standing());
    }

    private List<String> standing() {
        ParticipantView view = new RegistryReads(dataSource).participant(HOLDER).orElseThrow();
        return List.of(view.status(), view.statusReason(), String.valueOf(view.statusIndex()));
    }

    private void project() {
        try (Projector projector = new Projector(journal.journals(), dataSource)) {
            projector.catchUp();
        }
    }
}
