package com.twork.points.console.web;

/**
 * One CSV cell, RFC 4180 quoted, and safe to open in a spreadsheet: text that starts with {@code = + - @}, a tab
 * or a carriage return gets a leading apostrophe so it is never run as a formula. Numbers are written as numbers
 * (a negative adjustment stays {@code -50}: a number cannot carry a formula).
 */
final class CsvCells {
    private CsvCells() {}

    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = safe.indexOf(',') >= 0
                || safe.indexOf('"') >= 0
                || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0
                || safe.startsWith("'");
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }
}
