package com.twork.points.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSocket;

/**
 * HTTP/1.1 over a plain socket, for requests no well-behaved client would send (any method, header or byte in a
 * header value, a declared length that never arrives, chunked bodies). One connection per request.
 */
public final class RawHttp {
    private RawHttp() {}

    /** What came back: the status, the headers (names in lower case, in order) and the body, de-chunked. */
    public record Answer(int status, List<Map.Entry<String, String>> headers, byte[] body) {
        public Optional<String> header(String name) {
            return headers.stream()
                    .filter(entry -> entry.getKey().equals(name.toLowerCase(Locale.ROOT)))
                    .map(Map.Entry::getValue)
                    .findFirst();
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** One request; {@code declaredLength} null: the body's own length, -1: chunked, else sent as given. */
    public static Answer exchange(
            int port,
            String method,
            String target,
            List<Map.Entry<String, String>> headers,
            byte[] body,
            Long declaredLength) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return exchange(socket, "127.0.0.1:" + port, method, target, headers, body, declaredLength);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@link #exchange(int, String, String, List, byte[], Long)} over a socket the caller opened (e.g. TLS, or bound
     * to another local address), with {@code host} as the Host header; the caller closes the socket.
     */
    public static Answer exchange(
            Socket socket,
            String host,
            String method,
            String target,
            List<Map.Entry<String, String>> headers,
            byte[] body,
            Long declaredLength) {
        try {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder();
            head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
            head.append("Host: ").append(host).append("\r\n");
            head.append("Connection: close\r\n");
            for (Map.Entry<String, String> header : headers) {
                head.append(header.getKey())
                        .append(": ")
                        .append(header.getValue())
                        .append("\r\n");
            }
            boolean chunked = declaredLength != null && declaredLength < 0;
            if (chunked) {
                head.append("Transfer-Encoding: chunked\r\n");
            } else if (body.length > 0 || declaredLength != null) {
                head.append("Content-Length: ")
                        .append(declaredLength == null ? body.length : declaredLength)
                        .append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                if (chunked) {
                    for (int offset = 0; offset < body.length; offset += 65_536) {
                        int size = Math.min(65_536, body.length - offset);
                        out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(body, offset, size);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } else {
                    out.write(body);
                }
                out.flush();
                if (declaredLength != null && declaredLength > body.length && !(socket instanceof SSLSocket)) {
                    socket.shutdownOutput(); // the rest never comes: the server must not wait for it
                }
            } catch (IOException closedEarly) {
                // A server refusing a body may answer and close before it is all through.
            }
            return parse(readAll(socket.getInputStream()), "HEAD".equals(method));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream in) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[16_384];
        try {
            int read;
            while ((read = in.read(buffer)) != -1) {
                all.write(buffer, 0, read);
            }
        } catch (IOException reset) {
            // a reset after the answer arrived still leaves the answer
        }
        return all.toByteArray();
    }

    private static Answer parse(byte[] raw, boolean head) {
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
        if (end < 0) {
            throw new IllegalStateException("No complete HTTP answer: " + new String(raw, StandardCharsets.ISO_8859_1));
        }
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.add(Map.entry(
                    lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim()));
        }
        byte[] body = head ? new byte[0] : java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        boolean chunked = headers.stream()
                .anyMatch(h -> h.getKey().equals("transfer-encoding")
                        && h.getValue().toLowerCase(Locale.ROOT).contains("chunked"));
        return new Answer(status, headers, chunked ? dechunk(body) : body);
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int position = 0;
        while (position < body.length) {
            int lineEnd = indexOf(body, "\r\n".getBytes(StandardCharsets.US_ASCII), position);
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(body, position, lineEnd - position, StandardCharsets.US_ASCII);
            int size = Integer.parseInt(sizeText.split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(body, lineEnd + 2, Math.min(size, body.length - lineEnd - 2));
            position = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
