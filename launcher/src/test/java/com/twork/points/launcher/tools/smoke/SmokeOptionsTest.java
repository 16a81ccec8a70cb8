package com.twork.points.launcher.tools.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The smoke command's usage checks and expected-file format (bad input is a clear message: exit 2). */
class SmokeOptionsTest {
    @TempDir
    Path folder;

    private static SmokeCommand.Options parse(String... args) {
        return SmokeCommand.options(List.of(args), name -> null);
    }

    private static String refused(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> parse(args)).getMessage();
    }

    @Test
    void theBaseMayBeTheSiteOrThePointsPrefix() {
        SmokeCommand.Options site = parse("--base", "https://shop.example/", "--key", "ck_a:cs_b", "--members", "5,6");
        assertEquals(URI.create("https://shop.example"), site.site());
        assertEquals("ck_a", site.consumerKey());
        assertEquals("cs_b", site.consumerSecret());
        assertEquals(List.of(5L, 6L), site.members());
        SmokeCommand.Options prefix =
                parse("--base", "https://shop.example/blog/wp-json/twork/v1/points/", "--key", "k:s", "--members", "7");
        assertEquals(URI.create("https://shop.example/blog"), prefix.site());
    }

    @Test
    void theKeyMayComeFromTheEnvironment() {
        SmokeCommand.Options options = SmokeCommand.options(
                List.of("--base", "http://127.0.0.1:8080", "--members", "1"),
                name -> "TWORK_SMOKE_KEY".equals(name) ? "ck_env:cs_env" : null);
        assertEquals("ck_env", options.consumerKey());
    }

    @Test
    void badUsageIsRefusedWithAClearMessage() {
        assertTrue(refused("--key", "a:b", "--members", "1").contains("--base is required"));
        assertTrue(
                refused("--base", "ftp://x", "--key", "a:b", "--members", "1").contains("http:// or https://"));
        assertTrue(refused("--base", "https://x/?a=1", "--key", "a:b", "--members", "1")
                .contains("no query"));
        assertTrue(refused("--base", "https://x", "--members", "1").contains("--key ck_...:cs_... is required"));
        assertTrue(refused("--base", "https://x", "--key", "nocolon", "--members", "1")
                .contains("ck_...:cs_..."));
        assertTrue(refused("--base", "https://x", "--key", "a:b").contains("Name the members"));
        assertTrue(refused("--base", "https://x", "--key", "a:b", "--members", "5,x")
                .contains("'x' is not a positive"));
        assertTrue(refused("--base", "https://x", "--key", "a:b", "--members", "5,5")
                .contains("twice"));
        assertTrue(
                refused("--base", "https://x", "--key", "a:b", "--members", "0").contains("positive"));
        assertTrue(refused("--base", "https://x", "--key", "a:b", "--members").contains("--members needs a value"));
        assertTrue(
                refused("--base", "https://x", "--key", "a:b", "--member", "5").contains("Unknown smoke option"));
        assertTrue(refused("--base", "https://x", "--key", "a:b", "--members", "5", "--timeout", "0")
                .contains("--timeout"));
        assertTrue(refused("--base", "https://x", "--key", "a:b", "--expect", "e.csv", "--record", "r.csv")
                .contains("exclude each other"));
    }

    @Test
    void theExpectedFileIsCsvWithOptionalHeaderCommentsAndEmptyCells() throws IOException {
        Path file = Files.writeString(
                folder.resolve("expected.csv"),
                "user_id,balance,transactions\n# from the plugin at 02:00\n5,1200,14\n\n6,300\n7,,3\n");
        List<SmokeCommand.Expected> rows = SmokeCommand.readExpected(file);
        assertEquals(
                List.of(
                        new SmokeCommand.Expected(5, OptionalLong.of(1200), OptionalLong.of(14)),
                        new SmokeCommand.Expected(6, OptionalLong.of(300), OptionalLong.empty()),
                        new SmokeCommand.Expected(7, OptionalLong.empty(), OptionalLong.of(3))),
                rows);
        SmokeCommand.Options some =
                parse("--base", "https://x", "--key", "a:b", "--expect", file.toString(), "--members", "7,5");
        assertEquals(
                List.of(7L, 5L),
                SmokeCommand.plan(some).stream()
                        .map(SmokeCommand.Expected::userId)
                        .toList());
        SmokeCommand.Options missing =
                parse("--base", "https://x", "--key", "a:b", "--expect", file.toString(), "--members", "8");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SmokeCommand.plan(missing))
                .getMessage()
                .contains("--members 8 is not in"));
    }

    @Test
    void aBrokenExpectedFileNamesTheLine() throws IOException {
        for (String content :
                List.of("5,12x\n", "5\n", "5,1,2,3\n", "5,-3\n", "5,1\n5,2\n", "# only a comment\n", ",4\n")) {
            Path file = Files.writeString(folder.resolve("bad.csv"), content);
            String message = assertThrows(IllegalArgumentException.class, () -> SmokeCommand.readExpected(file))
                    .getMessage();
            assertTrue(message.contains(file.toString()), message);
        }
        assertTrue(assertThrows(
                        IllegalArgumentException.class, () -> SmokeCommand.readExpected(folder.resolve("none.csv")))
                .getMessage()
                .contains("cannot read it"));
    }
}
