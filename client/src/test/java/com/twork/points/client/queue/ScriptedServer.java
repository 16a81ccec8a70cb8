package com.twork.points.client.queue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A local HTTP server on a random 127.0.0.1 port that answers {@code POST /sync} from a script, for the statuses the
 * real server rarely gives on demand (503, 429 with Retry-After, batch_too_large, a garbled answer). It records
 * every request. The real server's behaviour is tested in the web module (OfflineQueueIT).
 */
final class ScriptedServer implements AutoCloseable {
    record Request(String idempotencyKey, String body) {}

    record Answer(int status, Map<String, String> headers, Function<String, String> body) {
        static Answer of(int status, String body) {
            return new Answer(status, Map.of(), request -> body);
        }
    }

    private final HttpServer server;
    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<Request> requests = new ArrayList<>();

    ScriptedServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Answer answer;
            synchronized (this) {
                requests.add(new Request(exchange.getRequestHeaders().getFirst("Idempotency-Key"), body));
                answer = script.isEmpty() ? Answer.of(500, "{}") : script.poll();
            }
            byte[] out = answer.body().apply(body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
            answer.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(answer.status(), out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
    }

    synchronized ScriptedServer then(Answer answer) {
        script.add(answer);
        return this;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** An error envelope as the server writes it. */
    static Answer error(int status, String code, String message) {
        return Answer.of(
                status,
                "{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"data\":{\"status\":" + status + "}}");
    }

    /** A sync answer that applies every item of the request it answers (ids echoed, in order). */
    static Answer applyAll() {
        return new Answer(200, Map.of(), ScriptedServer::appliedAnswer);
    }

    private static String appliedAnswer(String request) {
        List<String> ids = new ArrayList<>();
        java.util.regex.Matcher matcher =
                java.util.regex.Pattern.compile("\"id\":\"([^\"]+)\"").matcher(request);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        StringBuilder results = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) {
            results.append(i == 0 ? "" : ",")
                    .append("{\"index\":")
                    .append(i)
                    .append(",\"id\":\"")
                    .append(ids.get(i))
                    .append("\",\"status\":\"applied\",\"transaction_id\":")
                    .append(100 + i)
                    .append(",\"code\":null,\"message\":null}");
        }
        return "{\"success\":true,\"synced\":" + ids.size() + ",\"total\":" + ids.size()
                + ",\"errors\":[],\"new_balance\":0,\"results\":[" + results + "]}";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
