package com.twork.points.rule.control;

import com.twork.points.catalog.control.ProductCatalog;
import com.twork.points.platform.boundary.InvalidInputException;
import com.twork.points.rule.entity.RuleStatus;
import com.twork.points.rule.entity.RuleVersion;
import com.twork.points.tier.control.TierCatalog;
import com.twork.points.tier.control.TierLadder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Checks a rule before it is stored, with messages a programme manager understands, all problems at once:
 * {@code 400 invalid_rule} with {@code data.params} naming each field.
 */
@ApplicationScoped
public class RuleValidation {
    public static final String INVALID_RULE = "invalid_rule";

    /** The "rule id" of a draft that is only previewed or costed, never stored: no priority clash to check. */
    public static final long NOT_STORED = -1;

    static final BigDecimal MAX_MULTIPLIER = BigDecimal.valueOf(100);
    static final BigDecimal MAX_POINTS = BigDecimal.valueOf(1_000_000);

    @PersistenceContext
    EntityManager em;

    @Inject
    ProductCatalog catalog;

    @Inject
    TierCatalog tiers;

    /** Refuses the draft unless it is valid; {@code ruleId} is the rule being edited (0 for a new one). */
    public void check(RuleDraft draft, long ruleId) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (draft.name().isEmpty() || draft.name().length() > 120) {
            problems.put("name", "Give the rule a name of 1 to 120 characters.");
        }
        effect(draft.effect(), problems);
        if (draft.window().isEmpty()) {
            problems.put("ends_at", "The campaign ends before it starts.");
        }
        if (draft.minOrderValue().signum() < 0) {
            problems.put("min_order_value", "The minimum order value cannot be negative.");
        }
        catalogTargets(draft.scope(), problems);
        Set<String> unknownTiers = new TreeSet<>(draft.tiers());
        TierLadder ladder = tiers.ladder();
        unknownTiers.removeIf(
                key -> ladder.rungs().stream().anyMatch(rung -> rung.key().equals(key)));
        if (!unknownTiers.isEmpty()) {
            problems.put("tiers", "Unknown tier: " + String.join(", ", unknownTiers) + ".");
        }
        caps(draft, problems);
        if (problems.isEmpty() && ruleId != NOT_STORED) {
            samePriority(draft, ruleId, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(
                    INVALID_RULE, String.join(" ", problems.values()), Map.of("params", problems));
        }
    }

    private static void effect(RuleEffect effect, Map<String, String> problems) {
        BigDecimal amount = effect.amount();
        switch (effect.kind()) {
            case MULTIPLIER -> {
                if (amount.signum() <= 0 || amount.compareTo(MAX_MULTIPLIER) > 0) {
                    problems.put(
                            "effect.amount", "A multiplier is above 0 and at most 100 (use \"earns nothing\" for 0).");
                }
            }
            case POINTS_PER_UNIT, BONUS_PER_ORDER, BONUS_PER_ITEM -> {
                if (amount.signum() <= 0
                        || amount.stripTrailingZeros().scale() > 0
                        || amount.compareTo(MAX_POINTS) > 0) {
                    problems.put("effect.amount", "Points are a whole number from 1 to 1,000,000.");
                }
            }
            case EARNS_NOTHING -> {
                // nothing to check: it has no amount
            }
        }
    }

    private void catalogTargets(RuleScope scope, Map<String, String> problems) {
        Set<Long> products = new HashSet<>(scope.products());
        products.addAll(scope.excludedProducts());
        Set<Long> categories = new HashSet<>(scope.categories());
        categories.addAll(scope.excludedCategories());
        Set<String> skus = new HashSet<>(scope.skus());
        skus.addAll(scope.excludedSkus());
        Set<Long> missingProducts = catalog.missingProducts(products);
        if (!missingProducts.isEmpty()) {
            problems.put("scope.products", "Unknown product: " + joined(missingProducts) + ".");
        }
        Set<Long> missingCategories = catalog.missingCategories(categories);
        if (!missingCategories.isEmpty()) {
            problems.put("scope.categories", "Unknown category: " + joined(missingCategories) + ".");
        }
        Set<String> missingSkus = catalog.missingSkus(skus);
        if (!missingSkus.isEmpty()) {
            problems.put("scope.skus", "Unknown SKU: " + String.join(", ", new TreeSet<>(missingSkus)) + ".");
        }
    }

    /** A cap smaller than one award of a fixed-points rule would cut its very first award: surely a typo. */
    private static void caps(RuleDraft draft, Map<String, String> problems) {
        RuleCaps caps = draft.caps();
        capAtLeastOne("caps.per_order", "per-order", caps.perOrder(), problems);
        capAtLeastOne("caps.per_member_per_day", "per-day", caps.perMemberPerDay(), problems);
        capAtLeastOne("caps.per_campaign", "campaign", caps.perCampaign(), problems);
        RuleEffect.Kind kind = draft.effect().kind();
        if (kind != RuleEffect.Kind.POINTS_PER_UNIT && !kind.isBonus()) {
            return;
        }
        long oneAward = draft.effect().amount().longValue();
        belowOneAward("caps.per_order", "per-order", caps.perOrder(), oneAward, problems);
        belowOneAward("caps.per_member_per_day", "per-day", caps.perMemberPerDay(), oneAward, problems);
        belowOneAward("caps.per_campaign", "campaign", caps.perCampaign(), oneAward, problems);
    }

    private static void capAtLeastOne(String field, String name, OptionalLong cap, Map<String, String> problems) {
        if (cap.isPresent() && cap.getAsLong() < 1) {
            problems.put(field, "The " + name + " cap is at least 1 point (leave it empty for no cap).");
        }
    }

    private static void belowOneAward(
            String field, String name, OptionalLong cap, long oneAward, Map<String, String> problems) {
        if (cap.isPresent() && cap.getAsLong() >= 1 && cap.getAsLong() < oneAward) {
            problems.put(
                    field,
                    "The " + name + " cap (" + cap.getAsLong() + ") is below one award of this rule (" + oneAward
                            + " points).");
        }
    }

    /** Two live rules of equal priority on the same scope would be decided by their age only: refused. */
    private void samePriority(RuleDraft draft, long ruleId, Map<String, String> problems) {
        em
                .createNamedQuery("RuleVersion.current", RuleVersion.class)
                .setParameter("statuses", Set.of(RuleStatus.ACTIVE, RuleStatus.PAUSED))
                .getResultList()
                .stream()
                .filter(version -> version.ruleId() != ruleId && version.priority() == draft.priority())
                .map(RuleDefinitions::read)
                .filter(other -> other.scope().sameTargets(draft.scope()))
                .findFirst()
                .ifPresent(other -> problems.put(
                        "priority",
                        "Rule " + other.id() + " (" + other.name() + ") has the same priority (" + other.priority()
                                + ") on the same scope; give one of them another priority."));
    }

    private static String joined(Set<Long> ids) {
        return new TreeSet<>(ids).stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
