package com.twork.points.client.queue;

import com.twork.points.client.PointsApiException;
import com.twork.points.client.PointsClientException;
import com.twork.points.client.PointsUnreachableException;
import java.time.Duration;

/** The sentences the queue's events carry for the user (English; a UI may build its own from the event fields). */
final class Messages {
    private Messages() {}

    static String what(QueuedTransaction transaction) {
        String amount = transaction.points() + (transaction.points() == 1 ? " point" : " points");
        String kind = switch (transaction.type()) {
            case REDEEM -> amount + " redeemed";
            case EARN -> amount + " earned";
            case REFERRAL -> amount + " referral bonus";
            case BIRTHDAY -> amount + " birthday bonus";
            case REFUND -> amount + " refunded";
            case ADJUST -> amount + " added";
            case EXPIRE -> amount + " expired";
        };
        return transaction.description().map(text -> kind + " (" + text + ")").orElse(kind);
    }

    static String synced(QueuedTransaction transaction, boolean alreadyThere) {
        return (alreadyThere ? "Already recorded: " : "Synced: ") + what(transaction) + ".";
    }

    static String failed(PointsClientException error, int attempt, int maxAttempts, boolean willRetry) {
        String reason;
        if (error instanceof PointsUnreachableException) {
            reason = "The points server cannot be reached";
        } else if (error instanceof PointsApiException api && api.status() == 429) {
            reason = "The points server asked us to slow down";
        } else if (error instanceof PointsApiException api && api.status() < 500) {
            reason = "The points server refused the request: " + api.getMessage();
        } else {
            reason = "The points server had a problem";
        }
        return willRetry
                ? reason + " (attempt " + attempt + " of " + maxAttempts
                        + "). Your points are saved on this device and will be sent later."
                : reason + ".";
    }

    static String backoff(Duration delay) {
        return "Next try in " + human(delay) + ".";
    }

    static String rejected(QueuedTransaction transaction, String serverMessage) {
        return "Not synced: " + what(transaction) + ". " + serverMessage;
    }

    static String gaveUp(QueuedTransaction transaction, int attempts) {
        return "Not synced after " + attempts + " attempts: " + what(transaction)
                + ". It is kept on this device; try again later.";
    }

    static String human(Duration delay) {
        long seconds = (delay.toMillis() + 999) / 1000;
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return (seconds + 59) / 60 + " min";
        }
        return (seconds + 3599) / 3600 + " h";
    }
}
