package com.twork.points.rule.rest;

import com.twork.points.platform.boundary.InvalidInputException;
import com.twork.points.platform.rest.JsonBody;
import com.twork.points.rule.boundary.PreviewResult;
import com.twork.points.rule.boundary.RuleView;
import com.twork.points.rule.control.AwardBreakdown;
import com.twork.points.rule.control.CampaignWindow;
import com.twork.points.rule.control.RuleCaps;
import com.twork.points.rule.control.RuleDraft;
import com.twork.points.rule.control.RuleEffect;
import com.twork.points.rule.control.RuleScope;
import com.twork.points.rule.control.RuleValidation;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads rules from the wire (every unreadable field named in one 400 {@code invalid_rule}) and writes rules and
 * breakdowns to it. Window times are site-local wall-clock times, {@code YYYY-MM-DD HH:MM:SS} (a {@code T} is
 * accepted too).
 */
public final class RuleWire {
    static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private RuleWire() {}

    public static RuleDraft draft(JsonObject body) {
        Map<String, String> problems = new LinkedHashMap<>();
        JsonObject scope = object(body, "scope", problems);
        JsonObject effect = object(body, "effect", problems);
        JsonObject caps = object(body, "caps", problems);
        String name = body.get("name") instanceof JsonString text ? text.getString() : "";
        RuleEffect.Kind kind = null;
        String kindText = effect.get("kind") instanceof JsonString text ? text.getString() : "";
        try {
            kind = RuleEffect.Kind.valueOf(kindText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.put(
                    "effect.kind",
                    "Choose what the rule does: multiplier, points_per_unit, bonus_per_order,"
                            + " bonus_per_item or earns_nothing.");
        }
        BigDecimal amount = decimal(effect, "amount", "effect.amount", problems).orElse(BigDecimal.ZERO);
        if (kind != RuleEffect.Kind.EARNS_NOTHING && !effect.containsKey("amount")) {
            problems.put("effect.amount", "Give the rule's factor or points.");
        }
        Optional<LocalDateTime> starts = time(body, "starts_at", problems);
        Optional<LocalDateTime> ends = time(body, "ends_at", problems);
        int priority = (int) whole(body, "priority", "priority", problems).orElse(0);
        if (Math.abs((long) priority) > 1_000_000) {
            problems.put("priority", "The priority is a whole number from -1,000,000 to 1,000,000.");
        }
        RuleScope ruleScope = new RuleScope(
                longs(scope, "products", problems),
                longs(scope, "categories", problems),
                texts(scope, "skus", "scope.skus", problems),
                longs(scope, "excluded_products", problems),
                longs(scope, "excluded_categories", problems),
                texts(scope, "excluded_skus", "scope.excluded_skus", problems));
        RuleCaps ruleCaps = new RuleCaps(
                whole(caps, "per_order", "caps.per_order", problems),
                whole(caps, "per_member_per_day", "caps.per_member_per_day", problems),
                whole(caps, "per_campaign", "caps.per_campaign", problems));
        Set<String> tiers = texts(body, "tiers", "tiers", problems);
        BigDecimal minimum =
                decimal(body, "min_order_value", "min_order_value", problems).orElse(BigDecimal.ZERO);
        if (!problems.isEmpty() || kind == null) {
            throw new InvalidInputException(
                    RuleValidation.INVALID_RULE, String.join(" ", problems.values()), Map.of("params", problems));
        }
        return new RuleDraft(
                name,
                ruleScope,
                new RuleEffect(kind, amount.abs()),
                new CampaignWindow(starts, ends),
                tiers,
                minimum,
                ruleCaps,
                priority);
    }

    /** A required site-local day {@code YYYY-MM-DD}. */
    static LocalDate day(JsonObject body, String name) {
        if (body.get(name) instanceof JsonString text) {
            try {
                return LocalDate.parse(text.getString().trim());
            } catch (DateTimeParseException e) {
                // refused below
            }
        }
        String message = name + " is a day like 2026-07-01.";
        throw new InvalidInputException(RuleValidation.INVALID_RULE, message, Map.of("params", Map.of(name, message)));
    }

    static RuleBody body(RuleView view, ZoneId zone) {
        RuleDraft draft = view.draft();
        RuleScope scope = draft.scope();
        return new RuleBody(
                view.id(),
                view.version(),
                view.status().wire(),
                draft.name(),
                draft.priority(),
                new RuleBody.Scope(
                        sorted(scope.products()),
                        sorted(scope.categories()),
                        sorted(scope.skus()),
                        sorted(scope.excludedProducts()),
                        sorted(scope.excludedCategories()),
                        sorted(scope.excludedSkus())),
                new RuleBody.Effect(
                        draft.effect().kind().name().toLowerCase(Locale.ROOT),
                        draft.effect().amount().toPlainString()),
                draft.window().starts().map(WIRE::format).orElse(null),
                draft.window().ends().map(WIRE::format).orElse(null),
                sorted(draft.tiers()),
                draft.minOrderValue().toPlainString(),
                new RuleBody.Caps(
                        boxed(draft.caps().perOrder()),
                        boxed(draft.caps().perMemberPerDay()),
                        boxed(draft.caps().perCampaign())),
                WIRE.format(view.createdAt().atZone(zone)),
                WIRE.format(view.updatedAt().atZone(zone)),
                view.updatedBy());
    }

    static PreviewBody preview(PreviewResult result) {
        return new PreviewBody(result.points(), result.tier(), entries(result.breakdown()));
    }

    /** The wire form of a breakdown, also for the history route. */
    public static List<BreakdownEntryBody> entries(AwardBreakdown breakdown) {
        return breakdown.entries().stream()
                .map(entry -> new BreakdownEntryBody(
                        entry.line(),
                        entry.ruleId(),
                        entry.ruleVersion(),
                        entry.label(),
                        entry.points(),
                        entry.capped()))
                .toList();
    }

    private static <T extends Comparable<T>> List<T> sorted(Set<T> values) {
        return values.stream().sorted(Comparator.naturalOrder()).toList();
    }

    private static Long boxed(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }

    private static JsonObject object(JsonObject body, String name, Map<String, String> problems) {
        JsonValue value = body.get(name);
        if (value == null || value == JsonValue.NULL) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            problems.put(name, name + " is an object.");
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        return value.asJsonObject();
    }

    private static OptionalLong whole(JsonObject object, String name, String field, Map<String, String> problems) {
        JsonValue value = object.get(name);
        if (value == null || value == JsonValue.NULL) {
            return OptionalLong.empty();
        }
        Optional<Long> number = JsonBody.of(object)
                .wholeNumber(name, Long.MIN_VALUE, Long.MAX_VALUE)
                .value();
        if (number.isEmpty()) {
            problems.put(field, field + " is a whole number.");
            return OptionalLong.empty();
        }
        return OptionalLong.of(number.get());
    }

    private static Optional<BigDecimal> decimal(
            JsonObject object, String name, String field, Map<String, String> problems) {
        JsonValue value = object.get(name);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        Optional<BigDecimal> amount = JsonBody.of(object).amount(name).value();
        if (amount.isEmpty()) {
            problems.put(field, field + " is a number.");
        }
        return amount;
    }

    private static Optional<LocalDateTime> time(JsonObject body, String name, Map<String, String> problems) {
        JsonValue value = body.get(name);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (value instanceof JsonString text && !text.getString().isBlank()) {
            try {
                return Optional.of(LocalDateTime.parse(text.getString().trim().replace(' ', 'T')));
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        problems.put(name, name + " is a site-local time like 2026-07-01 00:00:00.");
        return Optional.empty();
    }

    private static Set<Long> longs(JsonObject scope, String name, Map<String, String> problems) {
        Set<Long> ids = new HashSet<>();
        for (JsonValue value : array(scope, name, "scope." + name, problems)) {
            if (value instanceof JsonNumber number && number.isIntegral() && number.longValue() > 0) {
                ids.add(number.longValue());
            } else if (value instanceof JsonString text && text.getString().matches("[1-9][0-9]{0,17}")) {
                ids.add(Long.parseLong(text.getString()));
            } else {
                problems.put("scope." + name, "scope." + name + " lists positive whole ids.");
            }
        }
        return ids;
    }

    private static Set<String> texts(JsonObject object, String name, String field, Map<String, String> problems) {
        Set<String> texts = new HashSet<>();
        for (JsonValue value : array(object, name, field, problems)) {
            if (value instanceof JsonString text
                    && !text.getString().isBlank()
                    && text.getString().length() <= 100) {
                texts.add(text.getString().trim());
            } else {
                problems.put(field, field + " lists texts of 1 to 100 characters.");
            }
        }
        return texts;
    }

    private static List<JsonValue> array(JsonObject object, String name, String field, Map<String, String> problems) {
        JsonValue value = object.get(name);
        if (value == null || value == JsonValue.NULL) {
            return List.of();
        }
        if (value instanceof JsonArray array) {
            return array;
        }
        problems.put(field, field + " is a list.");
        return List.of();
    }
}
