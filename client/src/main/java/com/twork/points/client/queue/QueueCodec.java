package com.twork.points.client.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.twork.points.client.PointType;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** The queue state as JSON (the plaintext inside the encrypted file). Format 1. */
final class QueueCodec {
    private static final int FORMAT = 1;
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private QueueCodec() {}

    static byte[] encode(QueueState state) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("consecutive_failures", state.consecutiveFailures());
        root.put("next_attempt_at", state.nextAttemptAt().map(Instant::toString).orElse(null));
        root.put("not_before", state.notBefore().map(Instant::toString).orElse(null));
        ArrayNode pending = root.putArray("pending");
        for (QueueState.Entry entry : state.pending()) {
            ObjectNode node = transaction(pending.addObject(), entry.transaction());
            node.put("queued_at", entry.queuedAt().toString());
            node.put("attempts", entry.attempts());
            node.put("batch_key", entry.batchKey().orElse(null));
            node.put("last_error", entry.lastError().orElse(null));
        }
        ArrayNode dead = root.putArray("dead_letters");
        for (DeadLetter letter : state.deadLetters()) {
            ObjectNode node = transaction(dead.addObject(), letter.transaction());
            node.put("queued_at", letter.queuedAt().toString());
            node.put("code", letter.code());
            node.put("message", letter.message());
            if (letter.httpStatus().isPresent()) {
                node.put("http_status", letter.httpStatus().getAsInt());
            } else {
                node.putNull("http_status");
            }
            node.set("data", JSON.valueToTree(letter.data()));
            node.put("attempts", letter.attempts());
            node.put("dead_lettered_at", letter.deadLetteredAt().toString());
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the queue state cannot be written as JSON", e);
        }
    }

    static QueueState decode(byte[] content) {
        try {
            JsonNode root = JSON.readTree(content);
            if (root.path("format").asInt() != FORMAT) {
                throw new QueueStorageException("Unknown queue format " + root.path("format"), null);
            }
            List<QueueState.Entry> pending = new ArrayList<>();
            for (JsonNode node : root.withArray("pending")) {
                pending.add(new QueueState.Entry(
                        transaction(node),
                        Instant.parse(node.get("queued_at").asText()),
                        node.get("attempts").asInt(),
                        optionalText(node, "batch_key"),
                        optionalText(node, "last_error")));
            }
            List<DeadLetter> dead = new ArrayList<>();
            for (JsonNode node : root.withArray("dead_letters")) {
                JsonNode status = node.get("http_status");
                dead.add(new DeadLetter(
                        transaction(node),
                        Instant.parse(node.get("queued_at").asText()),
                        node.get("code").asText(),
                        node.get("message").asText(),
                        status == null || status.isNull() ? OptionalInt.empty() : OptionalInt.of(status.asInt()),
                        data(node.get("data")),
                        node.get("attempts").asInt(),
                        Instant.parse(node.get("dead_lettered_at").asText())));
            }
            return new QueueState(
                    pending,
                    dead,
                    root.get("consecutive_failures").asInt(),
                    optionalText(root, "next_attempt_at").map(Instant::parse),
                    optionalText(root, "not_before").map(Instant::parse));
        } catch (IOException | RuntimeException e) {
            if (e instanceof QueueStorageException storage) {
                throw storage;
            }
            throw new QueueStorageException("The queue content cannot be read", e);
        }
    }

    private static ObjectNode transaction(ObjectNode node, QueuedTransaction transaction) {
        node.put("id", transaction.id());
        node.put("user_id", transaction.userId());
        node.put("type", transaction.type().wire());
        node.put("points", transaction.points());
        node.put("description", transaction.description().orElse(null));
        node.put("order_id", transaction.orderId().orElse(null));
        node.put(
                "expires_at",
                transaction.expiresAt().map(OffsetDateTime::toString).orElse(null));
        return node;
    }

    private static QueuedTransaction transaction(JsonNode node) {
        String type = node.get("type").asText();
        try {
            return new QueuedTransaction(
                    node.get("id").asText(),
                    node.get("user_id").asLong(),
                    PointType.fromWire(type).orElseThrow(() -> new IllegalArgumentException("type " + type)),
                    node.get("points").asInt(),
                    optionalText(node, "description"),
                    optionalText(node, "order_id"),
                    optionalText(node, "expires_at").map(OffsetDateTime::parse));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expires_at", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(JsonNode node) {
        return node == null || !node.isObject() ? Map.of() : JSON.convertValue(node, Map.class);
    }

    private static Optional<String> optionalText(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }
}
