package com.twork.points.platform.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * All points routes live under one prefix, so the shop's web server can forward exactly this prefix to us and
 * keep every other {@code /wp-json/...} route (including another plugin's {@code twork/v1} routes) itself.
 */
@ApplicationPath(PointsApi.PREFIX)
public class PointsApi extends Application {
    public static final String PREFIX = "/wp-json/twork/v1/points";
    public static final String JSON = "application/json; charset=UTF-8";
}
