package fundexchange.gateway.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.RequestException;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Reads request bodies with a size limit (413 beyond it) and checks they are UTF-8. */
final class RequestBodies {
    private RequestBodies() {
    }

    static byte[] read(ServerRequest request, int maxBytes) {
        return read(request, maxBytes, (in, declared) -> in);
    }

    /**
     * As {@link #read(ServerRequest, int)}, the body read through {@code guard} (given the declared length); a
     * {@link fundexchange.gateway.dataroom.UploadPace.TooSlow} from it is 408, code 7026.
     */
    static byte[] read(ServerRequest request, int maxBytes, java.util.function.BiFunction<InputStream, Long, InputStream> guard) {
        long declared;
        try {
            declared = request.headers().first(HeaderNames.CONTENT_LENGTH).map(Long::parseLong).orElse(0L);
        } catch (NumberFormatException e) {
            throw new ApiException(400, ApiError.MALFORMED_REQUEST, "malformed Content-Length");
        }
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        if (!request.content().hasEntity()) {
            return new byte[0];
        }
        try (InputStream in = guard.apply(request.content().inputStream(), declared)) {
            byte[] body = in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return body;
        } catch (fundexchange.gateway.dataroom.UploadPace.TooSlow e) {
            throw new ApiException(408, ApiError.UPLOAD_TOO_SLOW, e.getMessage());
        } catch (ApiException | RequestException e) {
            // RequestException: the listener's 408 (the body did not arrive in time), answered and closed by Helidon
            throw e;
        } catch (IOException | RuntimeException e) {
            // A body shorter than its Content-Length, or a connection closed mid-body: the client's fault, no stack trace.
            throw new ApiException(400, ApiError.MALFORMED_REQUEST, "the body could not be read in full");
        }
    }

    static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new ApiException(400, ApiError.MALFORMED_REQUEST, "body is not UTF-8");
        }
    }

    private static ApiException tooLarge(int maxBytes) {
        return new ApiException(413, ApiError.BODY_TOO_LARGE, "body exceeds " + maxBytes + " bytes");
    }
}
