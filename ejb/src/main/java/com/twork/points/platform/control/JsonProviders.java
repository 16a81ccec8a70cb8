package com.twork.points.platform.control;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider the application uses. {@code Json.createReader(...)} and its siblings look the provider
 * up through the service loader on every call, which scans the class path: that was a tenth of the CPU time of a
 * write request. The provider is thread-safe, so one instance serves every request.
 */
public final class JsonProviders {
    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonProviders() {}
}
