package com.twork.points.launcher.tools.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LegacyImportOptionsTest {
    private static final String URL = "jdbc:mariadb://db.example:3306/wordpress";

    @Test
    void thePasswordComesFromStandardInputWhenAskedAndNeverShows() {
        LegacyImportCommand.Options options = LegacyImportCommand.options(
                List.of("--source-url", URL, "--source-user", "reader", "--source-password-stdin", "--dry-run"),
                () -> "s3cret");
        assertEquals("s3cret", options.sourcePassword());
        assertEquals("wp_", options.prefix());
        assertTrue(options.dryRun());
        assertFalse(options.toString().contains("s3cret"));
    }

    @Test
    void missingOrUnsafeValuesAreBadUsage() {
        assertThrows(
                IllegalArgumentException.class,
                () -> LegacyImportCommand.options(List.of("--source-user", "reader"), () -> ""));
        assertThrows(
                IllegalArgumentException.class,
                () -> LegacyImportCommand.options(
                        List.of("--source-url", "jdbc:mysql://x/y", "--source-user", "r"), () -> ""));
        assertThrows(
                IllegalArgumentException.class,
                () -> LegacyImportCommand.options(List.of("--source-url", URL), () -> ""));
        assertThrows(
                IllegalArgumentException.class,
                () -> LegacyImportCommand.options(
                        List.of("--source-url", URL, "--source-user", "r", "--prefix", "wp_; DROP TABLE x"), () -> ""));
        assertThrows(
                IllegalArgumentException.class,
                () -> LegacyImportCommand.options(
                        List.of("--source-url", URL, "--source-user", "r", "--force"), () -> ""));
    }

    @Test
    void theSourceIsNamedWithoutCredentials() {
        assertEquals(
                "db.example:3306/wordpress",
                LegacyImportCommand.location("jdbc:mariadb://db.example:3306/wordpress?user=r&password=s3cret"));
        assertEquals(
                "db.example/wordpress", LegacyImportCommand.location("jdbc:mariadb://r:s3cret@db.example/wordpress"));
    }
}
