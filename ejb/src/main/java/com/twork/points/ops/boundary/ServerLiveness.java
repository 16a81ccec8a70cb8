package com.twork.points.ops.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive = the application answers and has memory to work with; a database outage is a readiness matter (the
 * instance should get no traffic), not a reason to restart it.
 */
@Liveness
@ApplicationScoped
public class ServerLiveness implements HealthCheck {
    @Override
    public HealthCheckResponse call() {
        Runtime runtime = Runtime.getRuntime();
        long free = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        return HealthCheckResponse.named("twork-alive")
                .status(free > 16L * 1024 * 1024)
                .withData("free_heap_mb", free / (1024 * 1024))
                .build();
    }
}
