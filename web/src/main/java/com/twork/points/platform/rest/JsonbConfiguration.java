package com.twork.points.platform.rest;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * Wire records are written in the plugin's snake_case, with nulls kept ({@code "description": null} is part of
 * the contract: the app reads every key).
 */
@Provider
public class JsonbConfiguration implements ContextResolver<Jsonb> {
    /** The one configured instance, also used where a body must be serialised by hand (stored answers). */
    static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
            .withNullValues(true));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
