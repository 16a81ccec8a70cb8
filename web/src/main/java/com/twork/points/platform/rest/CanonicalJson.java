package com.twork.points.platform.rest;

import com.twork.points.platform.control.JsonProviders;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.TreeMap;

/**
 * One text per JSON value whatever the key order or spacing, so "the same body" means the same data: object
 * keys sorted, no whitespace, strings escaped the standard way.
 */
final class CanonicalJson {
    private CanonicalJson() {}

    static String of(JsonValue value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(JsonValue value, StringBuilder out) {
        switch (value.getValueType()) {
            case OBJECT -> {
                JsonObject object = value.asJsonObject();
                out.append('{');
                boolean first = true;
                for (var entry : new TreeMap<>(object).entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    out.append(JsonProviders.JSON.createValue(entry.getKey())).append(':');
                    write(entry.getValue(), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                JsonArray array = value.asJsonArray();
                out.append('[');
                for (int i = 0; i < array.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(array.get(i), out);
                }
                out.append(']');
            }
            case STRING -> out.append((JsonString) value);
            default -> out.append(value);
        }
    }
}
