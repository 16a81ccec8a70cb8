package com.twork.points.client.queue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueueKeyTest {
    @TempDir
    Path folder;

    @Test
    void aKeyStoreIsCreatedOnceAndGivesTheSameKeyAfterwards() throws IOException {
        Path store = folder.resolve("queue-key.p12");
        QueueKey created = QueueKey.fromKeyStore(store, "store password".toCharArray(), "points-queue");
        assertTrue(Files.exists(store));
        QueueKey loaded = QueueKey.fromKeyStore(store, "store password".toCharArray(), "points-queue");
        assertArrayEquals(created.secretKey().getEncoded(), loaded.secretKey().getEncoded());

        Path queue = folder.resolve("queue.bin");
        try (QueueFile file = QueueFile.open(queue, created)) {
            file.write("content".getBytes(StandardCharsets.UTF_8));
        }
        try (QueueFile file = QueueFile.open(queue, loaded)) {
            assertEquals("content", new String(file.read().orElseThrow(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theKeyStoreHoldsTheKeyEncryptedOnly() throws IOException {
        Path store = folder.resolve("queue-key.p12");
        byte[] raw = QueueKey.fromKeyStore(store, "pw".toCharArray(), "points-queue")
                .secretKey()
                .getEncoded();
        byte[] file = Files.readAllBytes(store);
        assertFalse(contains(file, raw), "raw key bytes in the key store");
        assertFalse(new String(file, StandardCharsets.ISO_8859_1)
                .contains(HexFormat.of().formatHex(raw)));
    }

    @Test
    void aWrongPasswordIsRefused() {
        Path store = folder.resolve("queue-key.p12");
        QueueKey.fromKeyStore(store, "right".toCharArray(), "points-queue");
        assertThrows(
                QueueStorageException.class, () -> QueueKey.fromKeyStore(store, "wrong".toCharArray(), "points-queue"));
    }

    @Test
    void suppliedKeysMustBe256Bits() {
        assertThrows(IllegalArgumentException.class, () -> QueueKey.of(new byte[16]));
        QueueKey key = QueueKey.of(new byte[32]);
        assertFalse(key.toString().contains("0000"), "never prints the key");
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }
}
