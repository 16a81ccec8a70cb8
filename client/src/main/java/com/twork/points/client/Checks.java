package com.twork.points.client;

/** Argument checks shared by the request builders: the client refuses what the server could only refuse. */
public final class Checks {
    /** Longest text field the server stores (description). */
    public static final int MAX_DESCRIPTION = 1_000;
    /** Longest order id or sync item id the server stores. */
    public static final int MAX_ID = 191;

    private Checks() {}

    public static long userId(long userId) {
        if (userId < 1 || userId > 999_999_999_999_999_999L) {
            throw new IllegalArgumentException("userId must be 1 to 18 digits, was " + userId);
        }
        return userId;
    }

    public static int points(int points) {
        if (points < 1) {
            throw new IllegalArgumentException("points must be positive, was " + points);
        }
        return points;
    }

    public static int atLeast(int value, int minimum, String name) {
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum + ", was " + value);
        }
        return value;
    }

    public static String text(String value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    public static String description(String description) {
        if (text(description, "description").length() > MAX_DESCRIPTION) {
            throw new IllegalArgumentException("description is longer than " + MAX_DESCRIPTION + " characters");
        }
        return description;
    }

    public static String orderId(String orderId) {
        if (text(orderId, "orderId").isBlank() || orderId.length() > MAX_ID) {
            throw new IllegalArgumentException("orderId must be 1 to " + MAX_ID + " characters");
        }
        return orderId;
    }
}
