/** The console's read models: SQL over the ledger, paged in the database with a stable order. */
package com.twork.points.console.control;
