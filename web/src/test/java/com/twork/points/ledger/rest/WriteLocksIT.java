package com.twork.points.ledger.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twork.points.it.Api;
import com.twork.points.it.Fixtures;
import com.twork.points.it.Ledger;
import com.twork.points.it.SharedServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Writes of different members never wait for each other (FINDINGS 2026-12-04: the due-lot scan's locking read ran
 * on the index of every member's due lots, so each earn queued behind the others). Every member here has a due
 * lot, so every earn has expiry work to do, and all of them run at once.
 */
@ExtendWith(SharedServer.class)
class WriteLocksIT {
    private static final int MEMBERS = 24;
    private static final int EARNS_EACH = 8;

    @Test
    void earnsOfDifferentMembersTakeNoLockThatAnotherMemberWaitsFor() throws Exception {
        Fixtures.Key key = Fixtures.writeKey();
        List<Long> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            long userId = Fixtures.newMember();
            Api.post("/earn", key, "{\"user_id\": " + userId + ", \"points\": 50}")
                    .assertOk();
            Fixtures.insertLot(userId, "earn", 30, Fixtures.now().minus(Duration.ofDays(2)), Fixtures.now());
            members.add(userId);
        }
        AtomicInteger next = new AtomicInteger();
        long waitsBefore = rowLockWaits();

        List<Integer> answered = Concurrently.run(MEMBERS, () -> {
            long userId = members.get(next.getAndIncrement());
            int ok = 0;
            for (int i = 0; i < EARNS_EACH; i++) {
                Api.post(
                                "/earn",
                                key,
                                "{\"user_id\": " + userId + ", \"points\": 5, \"order_id\": \"L" + userId + "-" + i
                                        + "\"}")
                        .assertOk();
                ok++;
            }
            return ok;
        });

        long waits = rowLockWaits() - waitsBefore;
        assertEquals(
                MEMBERS * EARNS_EACH,
                answered.stream().mapToInt(Integer::intValue).sum());
        // Nothing here contends for one member's rows; a stray background job may add a wait or two at most
        // (before the fix: about one wait per earn).
        assertTrue(waits <= 2, "row lock waits between different members' writes: " + waits);
        for (long userId : members) {
            assertEquals(50 + 5 * EARNS_EACH, Ledger.assertInvariant(userId), "the due lot expired once");
            assertEquals(30, Fixtures.count("SELECT lifetime_expired FROM point_account WHERE user_id = ?", userId));
        }
    }

    private static long rowLockWaits() {
        return Fixtures.count("SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS"
                + " WHERE VARIABLE_NAME = 'INNODB_ROW_LOCK_WAITS'");
    }
}
