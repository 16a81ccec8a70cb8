package com.twork.points.platform.rest;

import com.twork.points.platform.control.ClientDateTime;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Typed reads of the request's JSON body (already size-, type- and syntax-checked by {@link RequestBodyFilter}).
 * Numbers may come as JSON numbers or numeric strings ({@code "5"}) whose value is a whole number ({@code 5.0} and
 * {@code "5.0"} alike); fractions, booleans, arrays, objects and out-of-range values are invalid. JSON null counts
 * as absent.
 */
public final class JsonBody {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d{1,19}(\\.\\d{1,6})?");
    private final JsonObject object;

    private JsonBody(JsonObject object) {
        this.object = object;
    }

    public static JsonBody of(HttpServletRequest request) {
        Object parsed = request.getAttribute(RequestBodyFilter.PROPERTY);
        if (parsed instanceof JsonValue value && value.getValueType() == JsonValue.ValueType.OBJECT) {
            return new JsonBody(value.asJsonObject());
        }
        // A body that is valid JSON but not an object has no fields: every field reads as absent.
        return new JsonBody(JsonValue.EMPTY_JSON_OBJECT);
    }

    /** Reads a nested object (e.g. one item of a batch) with the same rules. */
    public static JsonBody of(JsonObject object) {
        return new JsonBody(object);
    }

    public JsonObject object() {
        return object;
    }

    /** A field as read: absent, present but unusable, or a value. */
    public sealed interface Field<T> {
        record Absent<T>() implements Field<T> {}

        record Invalid<T>() implements Field<T> {}

        record Value<T>(T present) implements Field<T> {}

        default Optional<T> value() {
            return this instanceof Value<T> value ? Optional.of(value.present()) : Optional.empty();
        }

        default boolean isInvalid() {
            return this instanceof Invalid;
        }

        default boolean isAbsent() {
            return this instanceof Absent;
        }
    }

    /** A whole number within [min, max]. */
    public Field<Long> wholeNumber(String name, long min, long max) {
        JsonValue value = object.get(name);
        if (value == null || value == JsonValue.NULL) {
            return new Field.Absent<>();
        }
        Optional<Long> number = switch (value.getValueType()) {
            case NUMBER -> integral((JsonNumber) value);
            case STRING -> integral(((JsonString) value).getString().trim());
            default -> Optional.empty();
        };
        return number.filter(n -> n >= min && n <= max)
                .<Field<Long>>map(Field.Value::new)
                .orElseGet(Field.Invalid::new);
    }

    /** Text up to {@code maxLength} characters; a JSON number is taken as its text (order ids come as both). */
    public Field<String> text(String name, int maxLength) {
        JsonValue value = object.get(name);
        if (value == null || value == JsonValue.NULL) {
            return new Field.Absent<>();
        }
        String text = switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).isIntegral() ? value.toString() : null;
            default -> null;
        };
        if (text == null || text.length() > maxLength) {
            return new Field.Invalid<>();
        }
        return new Field.Value<>(text);
    }

    /** A non-negative decimal amount (e.g. an order total), as a number or a numeric string. */
    public Field<BigDecimal> amount(String name) {
        JsonValue value = object.get(name);
        if (value == null || value == JsonValue.NULL) {
            return new Field.Absent<>();
        }
        try {
            BigDecimal amount = switch (value.getValueType()) {
                case NUMBER -> ((JsonNumber) value).bigDecimalValue();
                case STRING -> new BigDecimal(((JsonString) value).getString().trim());
                default -> null;
            };
            if (amount == null || amount.signum() < 0) {
                return new Field.Invalid<>();
            }
            // Bounded before anything computes with it: at most 15 integer digits and 4 decimals.
            BigDecimal plain = amount.stripTrailingZeros();
            if (plain.scale() > 4 || plain.precision() - plain.scale() > 15) {
                return new Field.Invalid<>();
            }
            return new Field.Value<>(plain);
        } catch (NumberFormatException e) {
            return new Field.Invalid<>();
        }
    }

    /** An ISO-8601 date-time in any of the forms of SPEC §3.0. */
    public Field<ClientDateTime> dateTime(String name) {
        JsonValue value = object.get(name);
        if (value == null || value == JsonValue.NULL) {
            return new Field.Absent<>();
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            return new Field.Invalid<>();
        }
        String text = ((JsonString) value).getString();
        if (text.isBlank()) {
            return new Field.Absent<>();
        }
        return ClientDateTime.parse(text)
                .<Field<ClientDateTime>>map(Field.Value::new)
                .orElseGet(Field.Invalid::new);
    }

    private static Optional<Long> integral(JsonNumber number) {
        try {
            return Optional.of(number.bigDecimalValue().longValueExact());
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** The same rule as for JSON numbers: an integer value, written plainly ({@code "5"}, {@code "5.0"}). */
    private static Optional<Long> integral(String text) {
        if (!DECIMAL.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(text).longValueExact());
        } catch (ArithmeticException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
