/**
 * {@code ./twork generate}: fills a database with a large, realistic and consistent ledger (members, lots,
 * allocations, expired and pending points) for benchmarks, in bulk SQL.
 */
package com.twork.points.launcher.tools.dataset;
