package fundexchange.ops.signer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/** Asks the person at the agent's terminal whether to sign; only an explicit "y" or "yes" says yes. */
@FunctionalInterface
public interface Confirmation {
    /** Shows {@code question} and answers true only on an explicit yes. */
    boolean confirm(String question);

    /** Reads the answer as one line of {@code answers}, after printing the question to {@code console}. */
    static Confirmation terminal(BufferedReader answers, PrintStream console) {
        return question -> {
            console.print(question + " [y/N] ");
            console.flush();
            try {
                String line = answers.readLine();
                if (line == null) {
                    return false;
                }
                String answer = line.strip().toLowerCase(java.util.Locale.ROOT);
                return answer.equals("y") || answer.equals("yes");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
