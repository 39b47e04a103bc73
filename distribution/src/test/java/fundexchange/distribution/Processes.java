package fundexchange.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the distribution's programs as a supervisor would: a bare environment (no locale), only what is given. */
final class Processes {
    private Processes() {
    }

    /** A finished run: exit status, standard output and standard error. */
    record Run(int status, String out, String err) {
    }

    static Process start(List<String> command, Map<String, String> environment, Path directory, Path errors)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectError(errors.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        builder.environment().putAll(environment);
        return builder.start();
    }

    static Run run(List<String> command, Map<String, String> environment, Path directory) throws Exception {
        Path errors = Files.createTempFile(directory, "stderr", ".txt");
        Process process = start(command, environment, directory, errors);
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), out, Files.readString(errors));
    }

    static Run expect(int status, List<String> command, Path directory) throws Exception {
        Run run = run(command, Map.of(), directory);
        assertEquals(status, run.status(), command + " " + run);
        return run;
    }

    /** Reads lines until one matches (the process printing it is the event waited for), else fails at its end. */
    static Matcher awaitLine(BufferedReader out, Pattern pattern, Path errors) throws IOException {
        StringBuilder seen = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            seen.append(line).append('\n');
            Matcher matcher = pattern.matcher(line);
            if (matcher.find()) {
                return matcher;
            }
        }
        throw new AssertionError("ended before a line matching " + pattern + ":\n" + seen + Files.readString(errors));
    }

    static JsonNode getJson(String url) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), url + " " + response.body());
            return new ObjectMapper().readTree(response.body());
        }
    }

    /** A fresh Ed25519 public key as the X.509 PEM file {@code exchange init} reads (no private key is needed). */
    static Path publicKeyFile(Path directory, String name) throws Exception {
        PublicKey key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
        return Files.writeString(directory.resolve(name + ".pub.pem"), "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
    }
}
