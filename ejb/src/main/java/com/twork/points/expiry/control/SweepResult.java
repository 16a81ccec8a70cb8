package com.twork.points.expiry.control;

/** What one sweep (or one batch of it) did. */
public record SweepResult(int batches, int members, int lots, long points) {
    public static final SweepResult NONE = new SweepResult(0, 0, 0, 0);

    public SweepResult plus(SweepResult other) {
        return new SweepResult(
                batches + other.batches, members + other.members, lots + other.lots, points + other.points);
    }

    @Override
    public String toString() {
        return members + " member(s), " + lots + " lot(s), " + points + " point(s) in " + batches + " batch(es)";
    }
}
