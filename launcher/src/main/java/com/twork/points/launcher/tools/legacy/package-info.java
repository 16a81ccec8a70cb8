/**
 * {@code ./twork import-legacy}: reads the legacy WordPress plugin's tables, rebuilds lots, allocations and balances
 * by our ledger rules, reports every anomaly it corrected and writes everything in one database transaction.
 */
package com.twork.points.launcher.tools.legacy;
