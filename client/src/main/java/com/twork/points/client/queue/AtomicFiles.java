package com.twork.points.client.queue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Replaces a file so that a crash at any instant leaves either the old or the new content, never a mix: write a
 * temporary file in the same folder, fsync it, rename it over the target atomically, fsync the folder. Files are
 * created readable by their owner only where the file system has POSIX permissions.
 */
final class AtomicFiles {
    private AtomicFiles() {}

    /** The instant between "temporary file complete and synced" and "renamed": tests simulate a crash there. */
    @FunctionalInterface
    interface BeforeRename {
        BeforeRename NOTHING = temp -> {};

        void reached(Path temp) throws IOException;
    }

    static Path folderOf(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null) {
            throw new IllegalArgumentException("not a file: " + file);
        }
        return folder;
    }

    static Path temporaryFor(Path target) {
        return target.resolveSibling(target.getFileName() + ".tmp");
    }

    static void write(Path target, byte[] content, BeforeRename beforeRename) throws IOException {
        Path directory = folderOf(target);
        Files.createDirectories(directory);
        Path temp = temporaryFor(target);
        Files.deleteIfExists(temp);
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try (FileChannel channel = FileChannel.open(temp, options, ownerOnly())) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        beforeRename.reached(temp);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(directory);
    }

    /** Makes the rename itself durable (POSIX). */
    private static void syncDirectory(Path directory) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return; // Windows cannot open a folder as a channel; NTFS journals the rename itself.
        }
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    static FileAttribute<?>[] ownerOnly() {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
            };
        }
        return new FileAttribute<?>[0];
    }
}
