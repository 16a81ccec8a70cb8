/**
 * The server and its operators' commands: embedded MariaDB and Payara Micro start-up ({@code ./twork run}, also the
 * tests' server), API keys, staff accounts, seed data and the audit chain, on the configured database.
 */
package com.twork.points.launcher.server;
