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
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueueFileTest {
    private static final byte[] SECRET_CONTENT =
            "{\"user_id\":4242,\"points\":987654,\"order_id\":\"WC-SECRET-77\"}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path folder;

    private final QueueKey key = QueueKey.generate();

    @Test
    void whatIsWrittenIsReadBackAndNothingOfItIsPlaintext() throws IOException {
        Path path = folder.resolve("queue.bin");
        try (QueueFile file = QueueFile.open(path, key)) {
            assertEquals(Optional.empty(), file.read().map(String::new));
            file.write(SECRET_CONTENT);
            assertArrayEquals(SECRET_CONTENT, file.read().orElseThrow());
        }
        String stored = new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1);
        for (String plain : new String[] {"4242", "987654", "WC-SECRET-77", "user_id", "points"}) {
            assertFalse(stored.contains(plain), "plaintext " + plain + " in the queue file");
        }
        assertTrue(stored.startsWith("TWPQ"));
    }

    @Test
    void twoWritesOfTheSameContentDifferOnDiskFreshNonce() throws IOException {
        Path path = folder.resolve("queue.bin");
        try (QueueFile file = QueueFile.open(path, key)) {
            file.write(SECRET_CONTENT);
            byte[] first = Files.readAllBytes(path);
            file.write(SECRET_CONTENT);
            assertFalse(Arrays.equals(first, Files.readAllBytes(path)));
        }
    }

    @Test
    void changingAnyByteIsDetected() throws IOException {
        Path path = folder.resolve("queue.bin");
        try (QueueFile file = QueueFile.open(path, key)) {
            file.write(SECRET_CONTENT);
        }
        byte[] original = Files.readAllBytes(path);
        // Header (version), nonce, ciphertext and tag: every region is authenticated.
        for (int position : new int[] {4, 6, 20, original.length / 2, original.length - 1}) {
            byte[] altered = original.clone();
            altered[position] ^= 0x01;
            Files.write(path, altered);
            try (QueueFile file = QueueFile.open(path, key)) {
                assertThrows(QueueTamperedException.class, file::read, "byte " + position);
            }
        }
    }

    @Test
    void aTruncatedFileOrAnotherKeyIsDetected() throws IOException {
        Path path = folder.resolve("queue.bin");
        try (QueueFile file = QueueFile.open(path, key)) {
            file.write(SECRET_CONTENT);
        }
        try (QueueFile file = QueueFile.open(path, QueueKey.generate())) {
            assertThrows(QueueTamperedException.class, file::read);
        }
        byte[] original = Files.readAllBytes(path);
        Files.write(path, Arrays.copyOf(original, original.length - 5));
        try (QueueFile file = QueueFile.open(path, key)) {
            assertThrows(QueueTamperedException.class, file::read);
        }
        Files.write(path, Arrays.copyOf(original, 10));
        try (QueueFile file = QueueFile.open(path, key)) {
            assertThrows(QueueTamperedException.class, file::read);
        }
    }

    @Test
    void aCrashBeforeTheRenameLeavesTheOldContentAndTheLeftoverIsCleanedUp() throws IOException {
        Path path = folder.resolve("queue.bin");
        byte[] before = "old state".getBytes(StandardCharsets.UTF_8);
        try (QueueFile file = QueueFile.open(path, key)) {
            file.write(before);
        }
        try (QueueFile crashing = QueueFile.open(path, key, temp -> {
            assertTrue(Files.size(temp) > 0, "the new content is complete in the temporary file");
            throw new IOException("power cut");
        })) {
            assertThrows(QueueStorageException.class, () -> crashing.write(SECRET_CONTENT));
        }
        assertTrue(Files.exists(AtomicFiles.temporaryFor(path)), "the crash left its temporary file");
        try (QueueFile file = QueueFile.open(path, key)) {
            assertArrayEquals(before, file.read().orElseThrow());
            assertFalse(Files.exists(AtomicFiles.temporaryFor(path)));
        }
    }

    @Test
    void aTornTemporaryFileNeverReplacesTheQueue() throws IOException {
        Path path = folder.resolve("queue.bin");
        try (QueueFile file = QueueFile.open(path, key)) {
            file.write(SECRET_CONTENT);
        }
        // What a crash in the middle of writing the temporary file leaves behind.
        Files.write(AtomicFiles.temporaryFor(path), new byte[] {'T', 'W', 'P', 'Q', 1, 9, 9});
        try (QueueFile file = QueueFile.open(path, key)) {
            assertArrayEquals(SECRET_CONTENT, file.read().orElseThrow());
        }
    }

    @Test
    void oneQueueFileIsOpenOnceAtATime() {
        Path path = folder.resolve("queue.bin");
        try (QueueFile file = QueueFile.open(path, key)) {
            QueueStorageException refused = assertThrows(QueueStorageException.class, () -> QueueFile.open(path, key));
            assertTrue(refused.getMessage().contains("already open"), refused.getMessage());
        }
        QueueFile.open(path, key).close();
    }

    @Test
    void theFileIsReadableByItsOwnerOnly() throws IOException {
        Path path = folder.resolve("queue.bin");
        try (QueueFile file = QueueFile.open(path, key)) {
            file.write(SECRET_CONTENT);
        }
        if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
        }
    }
}
