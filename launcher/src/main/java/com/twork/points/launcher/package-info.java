/**
 * The {@code ./twork} command: its command table (usage, option checks) and the dispatch to the server's commands
 * ({@code server}) and the tools ({@code tools.*}); nothing below imports it.
 */
package com.twork.points.launcher;
