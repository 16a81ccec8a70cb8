package com.twork.points.rule.control;

import com.twork.points.platform.control.JsonProviders;
import com.twork.points.rule.entity.RuleVersion;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The stored form of a rule version's scope, effect, tiers, minimum and caps ({@code earning_rule_version.definition}),
 * read back into an {@link EarningRule} when the rules are compiled. Sets are written sorted, so equal drafts store
 * equal text.
 */
public final class RuleDefinitions {
    private RuleDefinitions() {}

    public static String write(RuleDraft draft) {
        RuleScope scope = draft.scope();
        RuleCaps caps = draft.caps();
        JsonObjectBuilder json = JsonProviders.JSON
                .createObjectBuilder()
                .add(
                        "scope",
                        JsonProviders.JSON
                                .createObjectBuilder()
                                .add("products", numbers(scope.products()))
                                .add("categories", numbers(scope.categories()))
                                .add("skus", texts(scope.skus()))
                                .add("excluded_products", numbers(scope.excludedProducts()))
                                .add("excluded_categories", numbers(scope.excludedCategories()))
                                .add("excluded_skus", texts(scope.excludedSkus())))
                .add(
                        "effect",
                        JsonProviders.JSON
                                .createObjectBuilder()
                                .add("kind", draft.effect().kind().name().toLowerCase(Locale.ROOT))
                                .add("amount", draft.effect().amount().toPlainString()))
                .add("tiers", texts(draft.tiers()))
                .add("min_order_value", draft.minOrderValue().toPlainString());
        JsonObjectBuilder capsJson = JsonProviders.JSON.createObjectBuilder();
        cap(capsJson, "per_order", caps.perOrder());
        cap(capsJson, "per_member_per_day", caps.perMemberPerDay());
        cap(capsJson, "per_campaign", caps.perCampaign());
        return json.add("caps", capsJson).build().toString();
    }

    public static EarningRule read(RuleVersion version) {
        JsonObject json;
        try (var reader = JsonProviders.JSON.createReader(new StringReader(version.definition()))) {
            json = reader.readObject();
        }
        JsonObject scope = json.getJsonObject("scope");
        JsonObject effect = json.getJsonObject("effect");
        JsonObject caps = json.getJsonObject("caps");
        return new EarningRule(
                version.ruleId(),
                version.version(),
                version.name(),
                new RuleScope(
                        longs(scope.getJsonArray("products")),
                        longs(scope.getJsonArray("categories")),
                        strings(scope.getJsonArray("skus")),
                        longs(scope.getJsonArray("excluded_products")),
                        longs(scope.getJsonArray("excluded_categories")),
                        strings(scope.getJsonArray("excluded_skus"))),
                new RuleEffect(
                        RuleEffect.Kind.valueOf(effect.getString("kind").toUpperCase(Locale.ROOT)),
                        new BigDecimal(effect.getString("amount"))),
                new CampaignWindow(version.startsAt(), version.endsAt()),
                strings(json.getJsonArray("tiers")),
                new BigDecimal(json.getString("min_order_value")),
                new RuleCaps(cap(caps, "per_order"), cap(caps, "per_member_per_day"), cap(caps, "per_campaign")),
                version.priority());
    }

    private static JsonArrayBuilder numbers(Collection<Long> values) {
        JsonArrayBuilder array = JsonProviders.JSON.createArrayBuilder();
        new TreeSet<>(values).forEach(array::add);
        return array;
    }

    private static JsonArrayBuilder texts(Collection<String> values) {
        JsonArrayBuilder array = JsonProviders.JSON.createArrayBuilder();
        new TreeSet<>(values).forEach(array::add);
        return array;
    }

    private static void cap(JsonObjectBuilder json, String name, OptionalLong value) {
        if (value.isPresent()) {
            json.add(name, value.getAsLong());
        } else {
            json.addNull(name);
        }
    }

    private static OptionalLong cap(JsonObject caps, String name) {
        JsonValue value = caps.get(name);
        return value instanceof JsonNumber number ? OptionalLong.of(number.longValueExact()) : OptionalLong.empty();
    }

    private static Set<Long> longs(JsonArray array) {
        return array.stream()
                .map(value -> ((JsonNumber) value).longValueExact())
                .collect(Collectors.toSet());
    }

    private static Set<String> strings(JsonArray array) {
        return array.stream().map(value -> ((JsonString) value).getString()).collect(Collectors.toSet());
    }
}
