/**
 * {@code ./twork bench}: HTTP load with wrk against the server on a generated dataset, the raw-JDBC and trivial-GET
 * ceilings on the same machine, and the report in {@code docs/benchmarks.md}.
 */
package com.twork.points.launcher.bench;
