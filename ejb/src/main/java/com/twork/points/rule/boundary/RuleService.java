package com.twork.points.rule.boundary;

import com.twork.points.audit.control.AuditTrail;
import com.twork.points.catalog.control.ProductCatalog;
import com.twork.points.catalog.control.UnknownProduct;
import com.twork.points.ledger.entity.PointAccount;
import com.twork.points.order.control.OrderEvent;
import com.twork.points.platform.boundary.InvalidInputException;
import com.twork.points.platform.control.AppClock;
import com.twork.points.platform.control.CacheInvalidation;
import com.twork.points.platform.control.ClusterSignals;
import com.twork.points.rule.control.AwardBreakdown;
import com.twork.points.rule.control.EarningRule;
import com.twork.points.rule.control.OrderAwards;
import com.twork.points.rule.control.RuleBook;
import com.twork.points.rule.control.RuleCost;
import com.twork.points.rule.control.RuleDefinitions;
import com.twork.points.rule.control.RuleDraft;
import com.twork.points.rule.control.RuleValidation;
import com.twork.points.rule.entity.Rule;
import com.twork.points.rule.entity.RuleStatus;
import com.twork.points.rule.entity.RuleVersion;
import com.twork.points.security.boundary.RequiresPermission;
import com.twork.points.security.control.CallerContext;
import com.twork.points.security.entity.Permission;
import com.twork.points.setting.boundary.Settings;
import com.twork.points.setting.control.SettingKey;
import com.twork.points.setting.control.SettingsCache;
import com.twork.points.tier.control.TierStanding;
import com.twork.points.tier.control.TierStandings;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Staff use cases on earning rules (MANAGER and ADMIN sessions; API keys may not). Every change is audited and
 * clears every instance's compiled rules after its commit; an edit adds a version and never touches awards made
 * with an earlier one.
 */
@Stateless
@RequiresPermission(value = Permission.WRITE, keys = false)
public class RuleService {
    @PersistenceContext
    EntityManager em;

    @Inject
    RuleValidation validation;

    @Inject
    RuleBook book;

    @Inject
    OrderAwards awards;

    @Inject
    TierStandings tiers;

    @Inject
    RuleCost costs;

    @Inject
    SettingsCache settings;

    @Inject
    ClusterSignals signals;

    @Inject
    AuditTrail audit;

    @Inject
    CallerContext caller;

    @Inject
    AppClock clock;

    @Inject
    ProductCatalog catalog;

    @RequiresPermission(value = Permission.READ, keys = false)
    public List<RuleView> list() {
        List<RuleView> views = new ArrayList<>();
        for (Rule rule : em.createNamedQuery("Rule.all", Rule.class).getResultList()) {
            views.add(view(rule));
        }
        return views;
    }

    @RequiresPermission(value = Permission.READ, keys = false)
    public RuleView get(long id) {
        return view(find(id));
    }

    public RuleView create(RuleDraft draft) {
        validation.check(draft, 0);
        Instant now = clock.now();
        Rule rule = new Rule(now);
        em.persist(rule);
        em.flush();
        em.persist(version(rule.id(), 1, draft, now));
        changed("rule.created", rule.id(), draft);
        return view(rule);
    }

    public RuleView edit(long id, RuleDraft draft) {
        Rule rule = locked(id);
        validation.check(draft, id);
        Instant now = clock.now();
        int next = rule.nextVersion(now);
        em.persist(version(id, next, draft, now));
        changed("rule.edited", id, draft);
        return view(rule);
    }

    public RuleView pause(long id) {
        Rule rule = locked(id);
        rule.pause(clock.now());
        changed("rule.paused", id, null);
        return view(rule);
    }

    public RuleView resume(long id) {
        Rule rule = locked(id);
        RuleDraft current = draft(currentVersion(rule));
        validation.check(current, id);
        rule.resume(clock.now());
        changed("rule.resumed", id, null);
        return view(rule);
    }

    public RuleView end(long id) {
        Rule rule = locked(id);
        rule.end(clock.now());
        changed("rule.ended", id, null);
        return view(rule);
    }

    /**
     * What a WooCommerce order would earn now with the active rules (plus {@code candidate}, a rule not yet
     * stored, when given), for the order's customer when known (tier and caps), else for a member of the first
     * tier with nothing used yet. Nothing is written.
     */
    @RequiresPermission(value = Permission.READ, keys = false)
    public PreviewResult preview(JsonObject orderPayload, Optional<RuleDraft> candidate) {
        OrderEvent order;
        try {
            order = OrderEvent.of(orderPayload, "");
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    "invalid_order", "This is not a WooCommerce order: " + e.getMessage() + ".", Map.of());
        }
        candidate.ifPresent(draft -> validation.check(draft, RuleValidation.NOT_STORED));
        Settings current = settings.current();
        Instant now = clock.now();
        long userId = order.customerId();
        Optional<PointAccount> account =
                userId > 0 ? Optional.ofNullable(em.find(PointAccount.class, userId)) : Optional.empty();
        TierStanding tier =
                tiers.of(userId, account.map(PointAccount::lifetimeEarned).orElse(0L), now);
        List<EarningRule> active = new ArrayList<>(book.active());
        candidate.ifPresent(draft -> active.add(draft.as(Long.MAX_VALUE, 1)));
        AwardBreakdown breakdown = awards.calculate(
                active,
                userId,
                order.lines(),
                order.eligibleTotal(),
                new OrderAwards.Terms(
                        tier.key(),
                        tier.multiplier(),
                        current.decimal(SettingKey.POINTS_RATE),
                        current.siteZone(),
                        now),
                account.isPresent());
        return new PreviewResult(breakdown.total(), tier.key(), breakdown);
    }

    /**
     * "What would this have cost?": the rule (stored or not) applied to the orders awarded from {@code from} to
     * {@code to} (site-local days), one set-based query; nothing is written.
     */
    @RequiresPermission(value = Permission.READ, keys = false)
    public DryRunResult costOf(RuleDraft draft, LocalDate from, LocalDate to) {
        validation.check(draft, RuleValidation.NOT_STORED);
        if (to.isBefore(from)) {
            throw new InvalidInputException(
                    RuleValidation.INVALID_RULE,
                    "The period ends before it starts.",
                    Map.of("params", Map.of("to", "The period ends before it starts.")));
        }
        Settings current = settings.current();
        long[] cost = costs.estimate(draft.as(0, 1), from, to, current.siteZone());
        BigDecimal liability = BigDecimal.valueOf(cost[0])
                .divide(current.decimal(SettingKey.REDEMPTION_RATE), 2, RoundingMode.HALF_UP);
        return new DryRunResult(from, to, cost[0], cost[1], cost[2], liability);
    }

    /**
     * The products that orders of the last {@code days} site-local days named and the catalog does not know: their
     * lines earned only the default rate, whatever the rules say (decision 104). For the rule editor, so a manager
     * sees what to import before a rule on those products is expected to work.
     */
    @RequiresPermission(value = Permission.READ, keys = false)
    public List<UnknownProduct> unknownProducts(int days, int limit) {
        LocalDate today = LocalDate.ofInstant(clock.now(), settings.current().siteZone());
        return catalog.unknownSince(today.minusDays(days - 1L), limit);
    }

    private RuleVersion version(long ruleId, int number, RuleDraft draft, Instant now) {
        return new RuleVersion(
                ruleId,
                number,
                draft.name(),
                draft.priority(),
                draft.window().starts(),
                draft.window().ends(),
                RuleDefinitions.write(draft),
                now,
                caller.caller().orElseThrow().actor());
    }

    private void changed(String action, long id, RuleDraft draft) {
        em.flush();
        book.invalidate();
        signals.changed(CacheInvalidation.EARNING_RULES);
        audit.action(action, "rule " + id + (draft == null ? "" : ": " + RuleDefinitions.write(draft)));
    }

    private Rule find(long id) {
        return Optional.ofNullable(em.find(Rule.class, id)).orElseThrow(() -> new RuleNotFoundException(id));
    }

    private Rule locked(long id) {
        Rule rule = Optional.ofNullable(em.find(Rule.class, id, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> new RuleNotFoundException(id));
        if (rule.status() == RuleStatus.ENDED) {
            throw new RuleEndedException(id);
        }
        return rule;
    }

    private RuleVersion currentVersion(Rule rule) {
        return em.find(RuleVersion.class, new RuleVersion.Key(rule.id(), rule.currentVersion()));
    }

    private static RuleDraft draft(RuleVersion version) {
        EarningRule rule = RuleDefinitions.read(version);
        return new RuleDraft(
                rule.name(),
                rule.scope(),
                rule.effect(),
                rule.window(),
                rule.tiers(),
                rule.minOrderValue(),
                rule.caps(),
                rule.priority());
    }

    private RuleView view(Rule rule) {
        RuleVersion version = currentVersion(rule);
        return new RuleView(
                rule.id(),
                rule.currentVersion(),
                rule.status(),
                draft(version),
                rule.createdAt(),
                rule.updatedAt(),
                version.createdBy());
    }
}
