package fundexchange.ops.signer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Asks the person at the agent's terminal whether to sign: only typing the request's confirmation code says yes, so an
 * answer typed ahead during one prompt (a "y" meant for another request) never confirms a request nobody read.
 */
@FunctionalInterface
public interface Confirmation {
    /** The longest answer line kept; the rest of a longer line is read and dropped. */
    int MAX_ANSWER_BYTES = 64;

    /** Shows {@code question} and answers true only when the person types {@code code}. */
    boolean confirm(String question, String code);

    /**
     * Reads the answer as one line of {@code answers} (the terminal), after discarding whatever was typed before the
     * question was shown and printing the question to {@code console}. The line is read byte by byte, unbuffered, so
     * nothing typed after it is taken from the terminal before the next question discards it.
     */
    static Confirmation terminal(InputStream answers, PrintStream console) {
        return (question, code) -> {
            try {
                discardTypedAhead(answers);
                console.print(question + " ");
                console.flush();
                String line = readLine(answers);
                return line != null && line.strip().toLowerCase(Locale.ROOT).equals(code.toLowerCase(Locale.ROOT));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private static void discardTypedAhead(InputStream answers) throws IOException {
        for (int pending = answers.available(); pending > 0; pending = answers.available()) {
            if (answers.skip(pending) <= 0 && answers.read() < 0) {
                return;
            }
        }
    }

    /** One line without its end, at most {@link #MAX_ANSWER_BYTES} of it kept; null at end of input. */
    private static String readLine(InputStream answers) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b = answers.read();
        if (b < 0) {
            return null;
        }
        while (b >= 0 && b != '\n') {
            if (line.size() < MAX_ANSWER_BYTES) {
                line.write(b);
            }
            b = answers.read();
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}
