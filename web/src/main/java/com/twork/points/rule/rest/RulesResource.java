package com.twork.points.rule.rest;

import com.twork.points.platform.rest.JsonBody;
import com.twork.points.platform.rest.PointsApi;
import com.twork.points.rule.boundary.DryRunResult;
import com.twork.points.rule.boundary.RuleService;
import com.twork.points.rule.boundary.RuleView;
import com.twork.points.setting.control.SettingsCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import java.time.LocalDate;
import java.util.Optional;
import org.eclipse.microprofile.metrics.annotation.Timed;

/**
 * {@code /rules}: earning rules for staff sessions (MANAGER, ADMIN). Creating and editing answer the rule as stored
 * (an edit is a new version); {@code /rules/preview} answers what an order would earn, explained, writing nothing.
 */
@ApplicationScoped
@Timed(description = "Time to answer this route")
@Path("rules")
@Produces(PointsApi.JSON)
public class RulesResource {
    @Inject
    RuleService rules;

    @Inject
    SettingsCache settings;

    @Inject
    HttpServletRequest request;

    @GET
    public RuleListBody list() {
        return new RuleListBody(rules.list().stream().map(this::body).toList());
    }

    @GET
    @Path("{id: [1-9][0-9]{0,17}}")
    public RuleBody get(@PathParam("id") long id) {
        return body(rules.get(id));
    }

    @POST
    public RuleBody create() {
        return body(rules.create(RuleWire.draft(JsonBody.of(request).object())));
    }

    @PUT
    @Path("{id: [1-9][0-9]{0,17}}")
    public RuleBody edit(@PathParam("id") long id) {
        return body(rules.edit(id, RuleWire.draft(JsonBody.of(request).object())));
    }

    @POST
    @Path("{id: [1-9][0-9]{0,17}}/pause")
    public RuleBody pause(@PathParam("id") long id) {
        return body(rules.pause(id));
    }

    @POST
    @Path("{id: [1-9][0-9]{0,17}}/resume")
    public RuleBody resume(@PathParam("id") long id) {
        return body(rules.resume(id));
    }

    @POST
    @Path("{id: [1-9][0-9]{0,17}}/end")
    public RuleBody end(@PathParam("id") long id) {
        return body(rules.end(id));
    }

    /** Body: a WooCommerce order, or {@code {"order": {...}, "rule": {...}}} to see a rule not yet stored. */
    @POST
    @Path("preview")
    public PreviewBody preview() {
        JsonObject body = JsonBody.of(request).object();
        JsonValue order = body.get("order");
        if (order != null && order.getValueType() == JsonValue.ValueType.OBJECT) {
            JsonValue rule = body.get("rule");
            return RuleWire.preview(rules.preview(
                    order.asJsonObject(),
                    rule != null && rule.getValueType() == JsonValue.ValueType.OBJECT
                            ? Optional.of(RuleWire.draft(rule.asJsonObject()))
                            : Optional.empty()));
        }
        return RuleWire.preview(rules.preview(body, Optional.empty()));
    }

    /** Body: {@code {"rule": {...}, "from": "YYYY-MM-DD", "to": "YYYY-MM-DD"}} (site-local days, both included). */
    @POST
    @Path("dry-run")
    public DryRunBody dryRun() {
        JsonObject body = JsonBody.of(request).object();
        JsonValue rule = body.get("rule");
        LocalDate from = RuleWire.day(body, "from");
        LocalDate to = RuleWire.day(body, "to");
        DryRunResult cost = rules.costOf(
                RuleWire.draft(
                        rule != null && rule.getValueType() == JsonValue.ValueType.OBJECT
                                ? rule.asJsonObject()
                                : JsonValue.EMPTY_JSON_OBJECT),
                from,
                to);
        return new DryRunBody(
                cost.from().toString(),
                cost.to().toString(),
                cost.extraPoints(),
                cost.membersReached(),
                cost.ordersReached(),
                cost.liability().toPlainString());
    }

    private RuleBody body(RuleView view) {
        return RuleWire.body(view, settings.current().siteZone());
    }
}
