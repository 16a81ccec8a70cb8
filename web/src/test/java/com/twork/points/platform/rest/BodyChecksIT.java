package com.twork.points.platform.rest;

import static com.twork.points.it.Fixtures.newMember;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twork.points.it.Api;
import com.twork.points.it.Fixtures;
import com.twork.points.it.Ledger;
import com.twork.points.it.SharedServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** SPEC §3.0 for routes with a body: size, then media type, then JSON, then auth, then member, then fields. */
@ExtendWith(SharedServer.class)
class BodyChecksIT {
    private final Fixtures.Key key = Fixtures.writeKey();

    private static HttpRequest.Builder post(String path, String contentType, String body) {
        return Api.request(Api.PREFIX + path)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    @Test
    void anOversizedBodyIs413BeforeAnythingElseButTheRoute() throws IOException {
        String declared = rawPost("/earn", "text/plain", 5L * 1024 * 1024, "x".repeat(1024));
        assertTrue(declared.startsWith("HTTP/1.1 413"), declared);
        assertTrue(declared.contains("rest_payload_too_large"), declared);
        String chunked = rawPost("/earn", "application/json", -1, "x".repeat(5 * 1024 * 1024));
        assertTrue(chunked.startsWith("HTTP/1.1 413"), chunked);
        String noRoute = rawPost("/no-such-route", "text/plain", 5L * 1024 * 1024, "x");
        assertTrue(noRoute.startsWith("HTTP/1.1 404"), noRoute);
        assertTrue(noRoute.contains("rest_no_route"), noRoute);
    }

    /**
     * Sends a POST over a plain socket ({@code length} -1: chunked) and returns what the server answers, without
     * insisting on sending the whole body: a server that refuses a large body answers before reading it.
     */
    private static String rawPost(String path, String contentType, long length, String body) throws IOException {
        URI base = URI.create(Api.base());
        try (Socket socket = new Socket("127.0.0.1", base.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            String head = "POST " + Api.PREFIX + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType
                    + "\r\n" + (length < 0 ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + length + "\r\n")
                    + "\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            try {
                byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
                if (length < 0) {
                    for (int offset = 0; offset < bytes.length; offset += 65_536) {
                        int size = Math.min(65_536, bytes.length - offset);
                        out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(bytes, offset, size);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } else {
                    out.write(bytes);
                }
                out.flush();
            } catch (IOException closedEarly) {
                // The server may answer and close before the body is through: that is the point.
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            InputStream in = socket.getInputStream();
            try {
                int read;
                while ((read = in.read(buffer)) != -1) {
                    answer.write(buffer, 0, read);
                    if (answer.toString(StandardCharsets.UTF_8).contains("\"status\":")) {
                        break;
                    }
                }
            } catch (IOException reset) {
                // a reset after the answer arrived is fine
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void aNonJsonBodyIs415ThenBadJsonIs400() {
        Api.send(post("/earn", "application/x-www-form-urlencoded", "user_id=1&points=5")
                        .build())
                .assertError(415, "rest_unsupported_media_type");
        Api.send(post("/earn", "application/json", "{\"user_id\": 1, \"points\": ")
                        .build())
                .assertError(400, "rest_invalid_json");
        Api.send(post("/earn", "application/json; charset=UTF-8", "{'single': 'quotes'}")
                        .build())
                .assertError(400, "rest_invalid_json");
    }

    @Test
    void authenticationComesAfterTheBodyChecksAndBeforeFields() {
        Api.send(post("/earn", "application/json", "{\"user_id\": 1, \"points\": \"x\"}")
                        .build())
                .assertError(401, "rest_forbidden");
        Api.send(post("/earn", "application/json", "{\"user_id\": 1, \"points\": 5}")
                        .header(
                                "Authorization",
                                Api.basic(Fixtures.newKey("read").consumerKey(), "cs_wrong"))
                        .build())
                .assertError(401, "rest_forbidden");
        Reply403.check();
    }

    @Test
    void theMemberIsCheckedBeforeTheFields() {
        long inactive = newMember("inactive");
        Api.post("/earn", key, "{\"user_id\": " + inactive + ", \"points\": -4}")
                .assertError(403, "rest_user_inactive");
        try {
            Fixtures.setSetting("auto_create_members", "false");
            Api.post("/earn", key, "{\"user_id\": 999999999994, \"points\": \"x\"}")
                    .assertError(404, "rest_invalid_user");
        } finally {
            Fixtures.setSetting("auto_create_members", "true");
        }
        long active = newMember();
        Api.post("/earn", key, "{\"user_id\": " + active + ", \"points\": \"x\"}")
                .assertError(400, "invalid_params");
        Ledger.assertInvariant(active);
    }

    /** A read-only key may not write. */
    private static final class Reply403 {
        static void check() {
            Api.post("/earn", Fixtures.newKey("read"), "{\"user_id\": 1, \"points\": 5}")
                    .assertError(403, "rest_forbidden_permission");
            Api.post("/redeem", Fixtures.newKey("read"), "{\"user_id\": 1, \"points\": 5}")
                    .assertError(403, "rest_forbidden_permission");
            Api.post("/check-expired/1", Fixtures.newKey("read"), "").assertError(403, "rest_forbidden_permission");
            Api.get("/expiring/1", Fixtures.newKey("write")).assertError(403, "rest_forbidden_permission");
        }
    }
}
