package com.twork.points.rule.admin;

import com.twork.points.catalog.control.UnknownProduct;
import com.twork.points.console.web.Console;
import com.twork.points.platform.boundary.ApplicationFailure;
import com.twork.points.rule.boundary.DryRunResult;
import com.twork.points.rule.boundary.RuleService;
import com.twork.points.rule.boundary.RuleView;
import com.twork.points.rule.control.RuleDraft;
import com.twork.points.rule.rest.RuleWire;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code rules/editor.xhtml}: the earning rules with their state, a form to create one or edit one (an edit is a new
 * version; awards keep the version they used), pause, resume and end, and "What would this have cost?" for the
 * form's rule over a past period, before it is saved or switched on.
 */
@Named
@RequestScoped
public class RulesPage {
    /** The period and the number of products the "products the rules cannot see" table shows. */
    static final int UNKNOWN_PRODUCT_DAYS = 30;

    static final int UNKNOWN_PRODUCTS_SHOWN = 20;

    @Inject
    RuleService rules;

    @Inject
    Console console;

    private List<RuleView> list;
    private Long editing;
    private String name = "";
    private String kind = "multiplier";
    private String amount = "";
    private String products = "";
    private String categories = "";
    private String skus = "";
    private String excludedProducts = "";
    private String excludedCategories = "";
    private String excludedSkus = "";
    private String tiers = "";
    private String startsAt = "";
    private String endsAt = "";
    private String minOrderValue = "";
    private String capPerOrder = "";
    private String capPerDay = "";
    private String capPerCampaign = "";
    private String priority = "0";
    private String costFrom = LocalDate.now().minusDays(30).toString();
    private String costTo = LocalDate.now().toString();
    private DryRunResult cost;
    private List<UnknownProduct> unknownProducts = List.of();

    @PostConstruct
    void load() {
        list = rules.list();
        unknownProducts = rules.unknownProducts(UNKNOWN_PRODUCT_DAYS, UNKNOWN_PRODUCTS_SHOWN);
        console.longParam("edit")
                .flatMap(id -> list.stream().filter(rule -> rule.id() == id).findFirst())
                .ifPresent(this::fill);
    }

    public void save() {
        try {
            RuleDraft draft = RuleWire.draft(json());
            if (editing == null) {
                rules.create(draft);
                console.redirect("rules/editor.xhtml", null, "done=rule-created");
            } else {
                rules.edit(editing, draft);
                console.redirect("rules/editor.xhtml", null, "done=rule-edited");
            }
        } catch (ApplicationFailure e) {
            console.refused(e, "rule");
        }
    }

    public void costIt() {
        try {
            cost = rules.costOf(RuleWire.draft(json()), day(costFrom, "rule:cost_from"), day(costTo, "rule:cost_to"));
        } catch (ApplicationFailure e) {
            console.refused(e, "rule");
        } catch (DateTimeParseException e) {
            // the field message is set by day()
        }
    }

    public void pause(long id) {
        act(() -> rules.pause(id), "paused");
    }

    public void resume(long id) {
        act(() -> rules.resume(id), "resumed");
    }

    public void end(long id) {
        act(() -> rules.end(id), "ended");
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            console.redirect("rules/editor.xhtml", null, "done=rule-" + done);
        } catch (ApplicationFailure e) {
            console.refused(e, "rule");
        }
    }

    private LocalDate day(String text, String field) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            console.fieldError(field, "A day like 2026-07-01.");
            throw e;
        }
    }

    private JsonObject json() {
        JsonObjectBuilder caps = Json.createObjectBuilder();
        optional(caps, "per_order", capPerOrder);
        optional(caps, "per_member_per_day", capPerDay);
        optional(caps, "per_campaign", capPerCampaign);
        JsonObjectBuilder rule = Json.createObjectBuilder()
                .add("name", name)
                .add("priority", priority.isBlank() ? "0" : priority.trim())
                .add(
                        "scope",
                        Json.createObjectBuilder()
                                .add("products", list(products))
                                .add("categories", list(categories))
                                .add("skus", list(skus))
                                .add("excluded_products", list(excludedProducts))
                                .add("excluded_categories", list(excludedCategories))
                                .add("excluded_skus", list(excludedSkus)))
                .add("tiers", list(tiers))
                .add("caps", caps);
        JsonObjectBuilder effect = Json.createObjectBuilder().add("kind", kind);
        optional(effect, "amount", amount);
        rule.add("effect", effect);
        optional(rule, "starts_at", startsAt);
        optional(rule, "ends_at", endsAt);
        optional(rule, "min_order_value", minOrderValue);
        return rule.build();
    }

    private static void optional(JsonObjectBuilder json, String key, String value) {
        if (value != null && !value.isBlank()) {
            json.add(key, value.trim());
        }
    }

    private static JsonArrayBuilder list(String text) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        Arrays.stream(text == null ? new String[0] : text.split(","))
                .map(String::trim)
                .filter(part -> !part.isEmpty())
                .forEach(array::add);
        return array;
    }

    private void fill(RuleView view) {
        RuleDraft draft = view.draft();
        editing = view.id();
        name = draft.name();
        kind = draft.effect().kind().name().toLowerCase(Locale.ROOT);
        amount = draft.effect().amount().toPlainString();
        products = joined(draft.scope().products());
        categories = joined(draft.scope().categories());
        skus = joined(draft.scope().skus());
        excludedProducts = joined(draft.scope().excludedProducts());
        excludedCategories = joined(draft.scope().excludedCategories());
        excludedSkus = joined(draft.scope().excludedSkus());
        tiers = joined(draft.tiers());
        startsAt = draft.window()
                .starts()
                .map(at -> at.toString().replace('T', ' '))
                .orElse("");
        endsAt =
                draft.window().ends().map(at -> at.toString().replace('T', ' ')).orElse("");
        minOrderValue = draft.minOrderValue().toPlainString();
        capPerOrder = cap(draft.caps().perOrder());
        capPerDay = cap(draft.caps().perMemberPerDay());
        capPerCampaign = cap(draft.caps().perCampaign());
        priority = String.valueOf(draft.priority());
    }

    private static String cap(java.util.OptionalLong cap) {
        return cap.isPresent() ? String.valueOf(cap.getAsLong()) : "";
    }

    private static String joined(java.util.Collection<?> values) {
        return values.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    /** What the effect does, as the list shows it. */
    public String effectOf(RuleView view) {
        return view.draft().effect().shortLabel();
    }

    public String scopeOf(RuleView view) {
        var scope = view.draft().scope();
        StringBuilder text = new StringBuilder(scope.coversEverything() ? "every product" : "");
        append(text, "products ", scope.products());
        append(text, "categories ", scope.categories());
        append(text, "SKUs ", scope.skus());
        append(text, "except products ", scope.excludedProducts());
        append(text, "except categories ", scope.excludedCategories());
        append(text, "except SKUs ", scope.excludedSkus());
        return text.toString();
    }

    public String windowOf(RuleView view) {
        var window = view.draft().window();
        if (window.starts().isEmpty() && window.ends().isEmpty()) {
            return "always";
        }
        return window.starts().map(at -> at.toString().replace('T', ' ')).orElse("…") + " to "
                + window.ends().map(at -> at.toString().replace('T', ' ')).orElse("…");
    }

    private static void append(StringBuilder text, String label, java.util.Collection<?> values) {
        if (!values.isEmpty()) {
            text.append(text.length() == 0 ? "" : "; ").append(label).append(joined(values));
        }
    }

    public List<RuleView> getList() {
        return list;
    }

    public List<String> getKinds() {
        return List.of("multiplier", "points_per_unit", "bonus_per_order", "bonus_per_item", "earns_nothing");
    }

    public List<UnknownProduct> getUnknownProducts() {
        return unknownProducts;
    }

    public int getUnknownProductDays() {
        return UNKNOWN_PRODUCT_DAYS;
    }

    public DryRunResult getCost() {
        return cost;
    }

    public Long getEditing() {
        return editing;
    }

    public void setEditing(Long editing) {
        this.editing = editing;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getAmount() {
        return amount;
    }

    public void setAmount(String amount) {
        this.amount = amount;
    }

    public String getProducts() {
        return products;
    }

    public void setProducts(String products) {
        this.products = products;
    }

    public String getCategories() {
        return categories;
    }

    public void setCategories(String categories) {
        this.categories = categories;
    }

    public String getSkus() {
        return skus;
    }

    public void setSkus(String skus) {
        this.skus = skus;
    }

    public String getExcludedProducts() {
        return excludedProducts;
    }

    public void setExcludedProducts(String excludedProducts) {
        this.excludedProducts = excludedProducts;
    }

    public String getExcludedCategories() {
        return excludedCategories;
    }

    public void setExcludedCategories(String excludedCategories) {
        this.excludedCategories = excludedCategories;
    }

    public String getExcludedSkus() {
        return excludedSkus;
    }

    public void setExcludedSkus(String excludedSkus) {
        this.excludedSkus = excludedSkus;
    }

    public String getTiers() {
        return tiers;
    }

    public void setTiers(String tiers) {
        this.tiers = tiers;
    }

    public String getStartsAt() {
        return startsAt;
    }

    public void setStartsAt(String startsAt) {
        this.startsAt = startsAt;
    }

    public String getEndsAt() {
        return endsAt;
    }

    public void setEndsAt(String endsAt) {
        this.endsAt = endsAt;
    }

    public String getMinOrderValue() {
        return minOrderValue;
    }

    public void setMinOrderValue(String minOrderValue) {
        this.minOrderValue = minOrderValue;
    }

    public String getCapPerOrder() {
        return capPerOrder;
    }

    public void setCapPerOrder(String capPerOrder) {
        this.capPerOrder = capPerOrder;
    }

    public String getCapPerDay() {
        return capPerDay;
    }

    public void setCapPerDay(String capPerDay) {
        this.capPerDay = capPerDay;
    }

    public String getCapPerCampaign() {
        return capPerCampaign;
    }

    public void setCapPerCampaign(String capPerCampaign) {
        this.capPerCampaign = capPerCampaign;
    }

    public String getPriority() {
        return priority;
    }

    public void setPriority(String priority) {
        this.priority = priority;
    }

    public String getCostFrom() {
        return costFrom;
    }

    public void setCostFrom(String costFrom) {
        this.costFrom = costFrom;
    }

    public String getCostTo() {
        return costTo;
    }

    public void setCostTo(String costTo) {
        this.costTo = costTo;
    }
}
