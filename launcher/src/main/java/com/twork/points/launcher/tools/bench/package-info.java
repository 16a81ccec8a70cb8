/**
 * {@code ./twork bench}: HTTP load with wrk against the server on a generated dataset, the ceilings on the same machine
 * (raw JDBC of the application's statements, the trivial authenticated GET, the minimal transaction of each write)
 * and the report in {@code docs/benchmarks.md}; {@code ./twork statements}: the SQL statements one request sends.
 */
package com.twork.points.launcher.tools.bench;
