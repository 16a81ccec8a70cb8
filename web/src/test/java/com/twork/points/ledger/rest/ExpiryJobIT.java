package com.twork.points.ledger.rest;

import static com.twork.points.it.Fixtures.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twork.points.it.Api;
import com.twork.points.it.Fixtures;
import com.twork.points.it.Jobs;
import com.twork.points.it.Ledger;
import com.twork.points.it.SharedServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The scheduled expiry sweep (SPEC §6.1) as the server runs it, across batch boundaries and time zones. */
@ExtendWith(SharedServer.class)
class ExpiryJobIT {
    /**
     * 7 members x 400 due lots, each member's lots all due before the next member's, so the first batch (2,000
     * lots) cannot reach the last member; one of them also writes before the sweep (and expires its own lots).
     */
    @Test
    void theSweepExpiresEveryDueRemainderOnceAcrossBatches() {
        List<Long> members = new ArrayList<>();
        for (int m = 0; m < 7; m++) {
            long member = Fixtures.newMember();
            members.add(member);
            for (int lot = 0; lot < 400; lot++) {
                Duration age = Duration.ofMinutes(1_000L * (7 - m) + lot);
                Fixtures.insertLot(
                        member,
                        "earn",
                        2,
                        Fixtures.now().minus(Duration.ofDays(30)),
                        Fixtures.now().minus(age));
            }
            Fixtures.insertLot(
                    member, "earn", 50, Fixtures.now(), Fixtures.now().plus(Duration.ofDays(30)));
        }
        Fixtures.Key key = Fixtures.writeKey();
        long writer = members.get(0);
        Api.post("/redeem", key, "{\"user_id\": " + writer + ", \"points\": 20}")
                .assertOk();

        String result = Jobs.runNow("expiry");

        int batches = Integer.parseInt(result.replaceAll(".* in (\\d+) batch.*", "$1"));
        assertTrue(batches >= 2, result);
        for (long member : members) {
            long spent = member == writer ? 20 : 0;
            assertEquals(
                    1, count("SELECT COUNT(*) FROM point_transaction WHERE user_id = ? AND type = 'expire'", member));
            assertEquals(
                    800, count("SELECT points FROM point_transaction WHERE user_id = ? AND type = 'expire'", member));
            assertEquals(50 - spent, Ledger.assertInvariant(member));
            assertEquals(
                    50 - spent, Api.get("/balance/" + member, key).assertOk().getInt("current_balance"));
        }
        assertEquals(
                "rest",
                Fixtures.text("SELECT source FROM point_transaction WHERE user_id = ? AND type = 'expire'", writer),
                "the member who wrote first had its lots expired by its own write");
        Jobs.runNow("expiry");
        for (long member : members) {
            assertEquals(
                    1,
                    count("SELECT COUNT(*) FROM point_transaction WHERE user_id = ? AND type = 'expire'", member),
                    "a second run finds nothing left to expire");
        }
    }

    @Test
    void expiryIsAboutInstantsWhateverTheSiteTimeZone() {
        long member = Fixtures.newMember();
        Fixtures.insertLot(member, "earn", 30, Fixtures.now(), Fixtures.now().plus(Duration.ofHours(2)));
        Fixtures.insertLot(
                member,
                "earn",
                40,
                Fixtures.now().minus(Duration.ofDays(2)),
                Fixtures.now().minus(Duration.ofMinutes(5)));
        try {
            Fixtures.setSetting("site_timezone", "Pacific/Kiritimati");
            Jobs.runNow("expiry");
        } finally {
            Fixtures.setSetting("site_timezone", "UTC");
        }
        assertEquals(
                40,
                count("SELECT points FROM point_transaction WHERE user_id = ? AND type = 'expire'", member),
                "at +14:00 the lot due in two hours is not due yet: expiry compares instants, not local dates");
        assertEquals(30, Ledger.assertInvariant(member));
    }
}
