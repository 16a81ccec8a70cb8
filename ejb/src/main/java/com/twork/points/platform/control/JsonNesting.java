package com.twork.points.platform.control;

/**
 * How deeply a JSON text nests arrays and objects, found without parsing it. Bodies nested past any real use
 * are refused before a parser sees them: the JSON-P parser refuses depths over 1,000 with a bare
 * {@code RuntimeException}, and deep input costs stack and time for nothing.
 */
public final class JsonNesting {
    /** Our deepest real body (a WooCommerce order with meta data in line items) nests 5 levels. */
    public static final int MAX_DEPTH = 64;

    private JsonNesting() {}

    /** Whether {@code json} opens more than {@code maxDepth} arrays or objects inside one another. */
    public static boolean exceeds(byte[] json, int maxDepth) {
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        for (byte b : json) {
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (b == '\\') {
                    escaped = true;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '[' || b == '{') {
                depth++;
                if (depth > maxDepth) {
                    return true;
                }
            } else if ((b == ']' || b == '}') && depth > 0) {
                depth--;
            }
        }
        return false;
    }
}
