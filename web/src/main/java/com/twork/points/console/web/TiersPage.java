package com.twork.points.console.web;

import com.twork.points.console.boundary.ConsoleQueries;
import com.twork.points.console.boundary.ConsoleRows.TierRow;
import com.twork.points.platform.boundary.ApplicationFailure;
import com.twork.points.platform.boundary.InvalidInputException;
import com.twork.points.tier.boundary.TierEdit;
import com.twork.points.tier.boundary.TierService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code tiers.xhtml}: the ladder (name, points from which it applies, order-award multiplier, benefits).
 * Everyone on staff sees it; an ADMIN edits it, all tiers saved at once or none.
 */
@Named
@RequestScoped
public class TiersPage {
    @Inject
    ConsoleQueries queries;

    @Inject
    TierService tiers;

    @Inject
    Console console;

    private List<TierRow> rows;
    private final Map<String, String> errors = new HashMap<>();
    private final Map<String, String> submitted = new HashMap<>();

    @PostConstruct
    void load() {
        rows = queries.tiers();
    }

    public void save() {
        List<TierEdit> edits = new ArrayList<>();
        for (TierRow row : rows) {
            String key = row.key();
            TierEdit edit = new TierEdit(
                    key,
                    console.param(key + "_label"),
                    console.param(key + "_threshold"),
                    console.param(key + "_multiplier"),
                    console.param(key + "_benefits"));
            submitted.put(key + "_label", edit.label());
            submitted.put(key + "_threshold", edit.threshold());
            submitted.put(key + "_multiplier", edit.multiplier());
            submitted.put(key + "_benefits", edit.benefits());
            edits.add(edit);
        }
        try {
            tiers.update(edits);
            console.redirect("tiers.xhtml", "tiers", null);
        } catch (InvalidInputException e) {
            if (e.details().get("params") instanceof Map<?, ?> params) {
                params.forEach((field, message) -> errors.put(field.toString().replace('.', '_'), message.toString()));
            }
            console.error("Nothing was saved: correct the field(s) marked below.");
            FacesContext.getCurrentInstance().validationFailed();
        } catch (ApplicationFailure e) {
            console.refused(e, "tiers");
        }
    }

    public List<TierRow> getRows() {
        return rows;
    }

    /** The value to show in a field: what was just submitted (after a refusal), else what is stored. */
    public String value(String field, Object stored) {
        return submitted.getOrDefault(field, stored == null ? "" : stored.toString());
    }

    public String error(String field) {
        return errors.get(field);
    }
}
