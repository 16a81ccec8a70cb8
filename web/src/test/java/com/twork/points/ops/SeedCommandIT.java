package com.twork.points.ops;

import static com.twork.points.it.Fixtures.count;
import static com.twork.points.it.Fixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twork.points.it.Fixtures;
import com.twork.points.it.Ledger;
import com.twork.points.it.SharedServer;
import com.twork.points.launcher.TworkCommand;
import com.twork.points.launcher.server.EmbeddedDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code ./twork seed}: defaults without clobbering, sample data keyed so a re-run is a no-op. */
@ExtendWith(SharedServer.class)
class SeedCommandIT {
    private static String seed(String... args) throws Exception {
        String url = text("SELECT CONCAT('jdbc:mariadb://127.0.0.1:', @@port, '/', DATABASE())");
        System.setProperty("twork.db.url", url);
        System.setProperty("twork.db.user", EmbeddedDatabase.USER);
        System.setProperty("twork.db.password", EmbeddedDatabase.PASSWORD);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertEquals(0, TworkCommand.execute(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8)));
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            System.clearProperty("twork.db.url");
            System.clearProperty("twork.db.user");
            System.clearProperty("twork.db.password");
        }
    }

    private static String state() {
        return text("SELECT CONCAT_WS('|', (SELECT COUNT(*) FROM setting), (SELECT COUNT(*) FROM tier),"
                + " (SELECT COUNT(*) FROM member WHERE user_id >= 990000001),"
                + " (SELECT COALESCE(SUM(balance), 0) FROM point_account WHERE user_id >= 990000001),"
                + " (SELECT COUNT(*) FROM point_transaction WHERE user_id >= 990000001))");
    }

    @Test
    void seedingTwiceGivesTheSameStateAndNeverClobbersAChangedValue() throws Exception {
        Fixtures.setSetting("birthday_bonus", "321");
        try {
            seed("seed", "--sample");
            String first = state();
            assertTrue(seed("seed", "--sample").contains("0 sample row(s)"), "the second run adds nothing");
            assertEquals(first, state());
            assertEquals(5, count("SELECT COUNT(*) FROM member WHERE user_id BETWEEN 990000001 AND 990000005"));
            for (long id = 990_000_001L; id <= 990_000_005L; id++) {
                Ledger.assertInvariant(id);
            }
            assertEquals("321", text("SELECT value FROM setting WHERE name = 'birthday_bonus'"), "not clobbered");
            seed("seed", "--force");
            assertEquals("200", text("SELECT value FROM setting WHERE name = 'birthday_bonus'"), "--force resets");
        } finally {
            // --force reset everything to the defaults: put back what the shared test server runs with.
            Fixtures.setSetting("birthday_bonus", "200");
            Fixtures.setSetting("trusted_proxies", "127.0.0.1");
            Fixtures.setSetting("expiry_interval_minutes", "1440");
        }
    }
}
