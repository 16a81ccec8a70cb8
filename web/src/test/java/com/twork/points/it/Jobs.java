package com.twork.points.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

/** Makes a scheduled job due on the shared server and waits until it has run (its timer ticks every second). */
public final class Jobs {
    private Jobs() {}

    public static String runNow(String job) {
        String before =
                Fixtures.text("SELECT COALESCE(MAX(last_finished_at), '') FROM job_schedule WHERE name = ?", job);
        Fixtures.update(
                "UPDATE job_schedule SET next_run_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE name = ?", job);
        long started = System.nanoTime();
        long deadline = started + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            String after =
                    Fixtures.text("SELECT COALESCE(MAX(last_finished_at), '') FROM job_schedule WHERE name = ?", job);
            if (!after.equals(before)) {
                System.out.println("Job " + job + " ran after " + (System.nanoTime() - started) / 1_000_000 + " ms");
                Fixtures.update(
                        "UPDATE job_schedule SET next_run_at = UTC_TIMESTAMP(6) + INTERVAL 1 DAY WHERE name = ?", job);
                return Fixtures.text("SELECT last_result FROM job_schedule WHERE name = ?", job);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        assertTrue(false, "job " + job + " did not run within 60 s");
        return "";
    }
}
