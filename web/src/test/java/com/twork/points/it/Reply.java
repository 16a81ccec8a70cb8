package com.twork.points.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.Optional;

/** An HTTP answer with its body read as JSON, and assertions for the error envelope. */
public record Reply(int status, String body, HttpResponse<String> raw) {

    public JsonValue json() {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readValue();
        }
    }

    public JsonObject object() {
        return json().asJsonObject();
    }

    public Optional<String> header(String name) {
        return raw.headers().firstValue(name);
    }

    /** Asserts the WordPress error envelope: status, code, {@code data.status} equal to the HTTP status. */
    public JsonObject assertError(int expectedStatus, String expectedCode) {
        assertEquals(expectedStatus, status, body);
        assertTrue(header("Content-Type").orElse("").startsWith("application/json"), "JSON content type: " + body);
        JsonObject error = object();
        assertEquals(expectedCode, error.getString("code"), body);
        assertTrue(error.getString("message").length() > 3, body);
        assertEquals(expectedStatus, error.getJsonObject("data").getInt("status"), body);
        return error;
    }

    public JsonObject assertOk() {
        assertEquals(200, status, body);
        return object();
    }
}
