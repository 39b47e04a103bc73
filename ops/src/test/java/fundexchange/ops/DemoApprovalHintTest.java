package fundexchange.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo points people to the portal's staff work queues to approve a listing, the CLI as the alternative. */
class DemoApprovalHintTest {
    @Test
    void theDemoSendsStaffToThePortalsWorkQueuesFirstAndNamesTheCliAsTheAlternative() {
        Path keys = Path.of("/tmp/demo/keys");
        assertEquals(List.of(
                "a listing made in the portal waits for staff: sign in to the portal with a staff key file"
                        + " (/tmp/demo/keys/Staff-02__Staff-02-k1.pem) and approve it under Work queues / 门户中创建的挂牌需"
                        + "工作人员批准：用工作人员密钥文件登录门户，在“待办队列”中审核通过:",
                "  http://localhost:8080/#/staff-queues",
                "or, as the alternative, from the command line / 或者改用命令行：",
                "  ./exchange staff approve-listing <listing id> --participant Staff-02 --key"
                        + " /tmp/demo/keys/Staff-02__Staff-02-k1.pem --url http://localhost:8080"),
                DemoCommand.approvalHint(URI.create("http://localhost:8080"), keys));
    }
}
