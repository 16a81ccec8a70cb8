package com.twork.points.platform.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * All points routes live under one prefix, so the shop's web server can forward exactly this prefix to us and
 * keep every other {@code /wp-json/...} route (including another plugin's {@code twork/v1} routes) itself.
 */
@ApplicationPath(PointsApi.PREFIX)
public class PointsApi extends Application {
    public static final String PREFIX = "/wp-json/twork/v1/points";
    public static final String JSON = "application/json; charset=UTF-8";

    /**
     * No WADL: Jersey would answer a plain {@code OPTIONS} with an XML description naming itself and its version.
     * CORS preflights are answered by our filter; other OPTIONS requests get the allowed methods only.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
