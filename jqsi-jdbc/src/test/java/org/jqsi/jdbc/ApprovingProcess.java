package org.jqsi.jdbc;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jqsi.core.validation.ValidationReport;
import org.jqsi.jdbc.testing.TestDatabase;

/**
 * A process that approves a submission and never finishes: its check says {@value #CHECKING} on standard output,
 * then sleeps until the process is killed ({@link KilledApprovalTest}). Arguments: the submission's id, then
 * {@link TestDatabase#arguments()}.
 */
public final class ApprovingProcess {

    static final String CHECKING = "checking";

    private ApprovingProcess() {
    }

    public static void main(String[] args) throws Exception {
        List<String> database = Arrays.asList(args).subList(1, args.length);
        try (Database open = TestDatabase.open(database)) {
            open.submissions().approve(args[0], 1, "cli:killed", null, Instant.now(), (published, approved) -> {
                System.out.println(CHECKING);
                System.out.flush();
                while (true) {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        return ValidationReport.clean();
                    }
                }
            });
            System.out.println("approved");
        }
    }
}
