package com.twork.points.client.queue;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The queue's bytes at rest: {@code "TWPQ" | version | 12-byte nonce | AES-256-GCM(ciphertext + 128-bit tag)},
 * the header authenticated as associated data, a fresh random nonce per write, replaced atomically
 * ({@link AtomicFiles}). While open, a lock file keeps a second queue (this process or another) off the same file.
 */
final class QueueFile implements Closeable {
    private static final byte[] MAGIC = {'T', 'W', 'P', 'Q'};
    private static final byte VERSION = 1;
    private static final int HEADER = MAGIC.length + 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Path file;
    private final QueueKey key;
    private final AtomicFiles.BeforeRename beforeRename;
    private final SecureRandom random = new SecureRandom();
    private final FileChannel lockChannel;
    private final FileLock lock;

    private QueueFile(
            Path file, QueueKey key, AtomicFiles.BeforeRename beforeRename, FileChannel lockChannel, FileLock lock) {
        this.file = file;
        this.key = key;
        this.beforeRename = beforeRename;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    static QueueFile open(Path file, QueueKey key) {
        return open(file, key, AtomicFiles.BeforeRename.NOTHING);
    }

    static QueueFile open(Path file, QueueKey key, AtomicFiles.BeforeRename beforeRename) {
        Path lockPath = file.resolveSibling(file.getFileName() + ".lock");
        FileChannel channel = null;
        try {
            Files.createDirectories(AtomicFiles.folderOf(file));
            Set<OpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            channel = FileChannel.open(lockPath, options, AtomicFiles.ownerOnly());
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new QueueStorageException("The queue " + file + " is open in another process", null);
            }
            // A temporary file left by a crash before its rename holds nothing the queue file lacks.
            Files.deleteIfExists(AtomicFiles.temporaryFor(file));
            return new QueueFile(file, key, beforeRename, channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new QueueStorageException("The queue " + file + " is already open in this process", e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new QueueStorageException("Cannot open the queue " + file, e);
        } catch (QueueStorageException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    Path path() {
        return file;
    }

    /** The decrypted content, or empty when the file does not exist yet. */
    Optional<byte[]> read() {
        byte[] stored;
        try {
            stored = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new QueueStorageException("Cannot read the queue " + file, e);
        }
        if (stored.length < HEADER + NONCE_BYTES + TAG_BITS / 8
                || !Arrays.equals(Arrays.copyOf(stored, MAGIC.length), MAGIC)) {
            throw new QueueTamperedException("The queue " + file + " is not a queue file (or was truncated)", null);
        }
        if (stored[MAGIC.length] != VERSION) {
            throw new QueueTamperedException(
                    "The queue " + file + " has unknown format version " + stored[MAGIC.length], null);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, stored, HEADER, NONCE_BYTES));
            cipher.updateAAD(stored, 0, HEADER);
            return Optional.of(cipher.doFinal(stored, HEADER + NONCE_BYTES, stored.length - HEADER - NONCE_BYTES));
        } catch (AEADBadTagException e) {
            throw new QueueTamperedException(
                    "The queue " + file + " failed authentication: it was altered or another key wrote it", e);
        } catch (GeneralSecurityException e) {
            throw new QueueStorageException("Cannot decrypt the queue " + file, e);
        }
    }

    void write(byte[] content) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
            ByteBuffer out = ByteBuffer.allocate(HEADER + NONCE_BYTES + cipher.getOutputSize(content.length));
            out.put(MAGIC).put(VERSION);
            cipher.updateAAD(out.array(), 0, HEADER);
            out.put(nonce);
            out.put(cipher.doFinal(content));
            AtomicFiles.write(file, Arrays.copyOf(out.array(), out.position()), beforeRename);
        } catch (GeneralSecurityException e) {
            throw new QueueStorageException("Cannot encrypt the queue", e);
        } catch (IOException e) {
            throw new QueueStorageException("Cannot write the queue " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // Closing the channel below releases the lock as well.
        } finally {
            closeQuietly(lockChannel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing was written through this channel; the lock goes with the process at the latest.
        }
    }
}
