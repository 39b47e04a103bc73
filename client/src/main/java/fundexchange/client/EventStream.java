package fundexchange.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * An open {@code GET /stream} (docs/api.md, Live stream): its {@code text/event-stream} events one at a time, as they
 * arrive. A refused stream has no events: its status and {@code {code, message, requestId}} body instead.
 */
public final class EventStream implements AutoCloseable {
    /** One event: its name ({@code open}, {@code feed}, {@code heartbeat}, {@code closed}), its id if any, its data. */
    public record Event(String name, Optional<Long> id, String data) {
    }

    private final int status;
    private final BufferedReader lines;

    EventStream(int status, InputStream body) {
        this.status = status;
        this.lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    }

    /** 200 for an open stream; a refusal's status otherwise. */
    public int status() {
        return status;
    }

    /** A refused stream's error body. */
    public String refusal() throws IOException {
        StringBuilder text = new StringBuilder();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            text.append(line);
        }
        return text.toString();
    }

    /** The next event, waiting for it; empty when the server ended the stream. */
    public Optional<Event> next() throws IOException {
        String name = "message";
        Long id = null;
        StringBuilder data = new StringBuilder();
        boolean any = false;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.isEmpty()) {
                if (any) {
                    return Optional.of(new Event(name, Optional.ofNullable(id), data.toString()));
                }
                continue;
            }
            any = true;
            if (line.startsWith("event: ")) {
                name = line.substring(7);
            } else if (line.startsWith("id: ")) {
                id = Long.parseLong(line.substring(4));
            } else if (line.startsWith("data: ")) {
                data.append(data.isEmpty() ? "" : "\n").append(line.substring(6));
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
