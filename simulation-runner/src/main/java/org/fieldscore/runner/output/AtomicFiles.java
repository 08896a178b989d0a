package org.fieldscore.runner.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Atomic file replacement: content goes to a temporary file in the target's directory, is optionally forced to the
 * device ({@code fsync}), and the temporary file is then renamed onto the target with
 * {@link StandardCopyOption#ATOMIC_MOVE} (falling back to {@link StandardCopyOption#REPLACE_EXISTING} on file
 * systems without atomic rename).
 *
 * <p>A reader therefore sees either the previous file or the complete new one, never a partial file. When writing
 * fails or the thread is interrupted, the temporary file is deleted and the target is left untouched. Only a killed
 * JVM can leave a temporary file behind; such files are hidden, carry the suffix {@value #TEMPORARY_SUFFIX} and
 * never have the target's name. Forcing adds protection against a power loss or operating-system crash (without it
 * the rename may reach the disk before the content); it does not change what a killed process leaves behind.
 */
public final class AtomicFiles {

    /** Suffix of temporary files; a file with this suffix is never a finished output. */
    public static final String TEMPORARY_SUFFIX = ".partial";

    private AtomicFiles() {
    }

    /**
     * Writes a file atomically and forces it to the device before the rename.
     *
     * @param target the file to create or replace; its directory must exist
     * @param content writes the content
     * @throws IOException when writing or renaming fails (the target is then unchanged and no temporary file is
     *     left); an {@link java.nio.channels.ClosedByInterruptException} when the thread was interrupted
     */
    public static void write(Path target, ContentWriter content) throws IOException {
        write(target, content, true);
    }

    /**
     * Writes a file atomically.
     *
     * @param target the file to create or replace; its directory must exist
     * @param content writes the content
     * @param force whether the content is forced to the device ({@code fsync}) before the rename
     * @throws IOException when writing or renaming fails (the target is then unchanged and no temporary file is
     *     left); an {@link java.nio.channels.ClosedByInterruptException} when the thread was interrupted
     */
    public static void write(Path target, ContentWriter content, boolean force) throws IOException {
        Objects.requireNonNull(content, "content");
        Path directory = target.toAbsolutePath().getParent();
        Path temporary = createTemporary(directory, "." + target.getFileName() + ".");
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                 OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
                content.writeTo(out);
                out.flush();
                if (force) {
                    channel.force(true);
                }
            }
            move(temporary, target);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    /**
     * Creates an empty temporary file with a fresh random name. {@link Files#createFile} applies the process umask,
     * so the finished file gets the same permissions as any other file the user creates.
     */
    private static Path createTemporary(Path directory, String prefix) throws IOException {
        while (true) {
            Path candidate = directory.resolve(prefix + Long.toHexString(ThreadLocalRandom.current().nextLong())
                    + TEMPORARY_SUFFIX);
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException taken) {
                // another writer drew the same name: draw again
            }
        }
    }

    /**
     * Forces a directory's entries (e.g. the renames into it) to the device; a no-op where the platform cannot open
     * directories (Windows).
     *
     * @param directory the directory
     * @throws IOException when forcing fails
     */
    public static void forceDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (java.nio.file.AccessDeniedException | UnsupportedOperationException e) {
            // directories cannot be opened for reading on this platform; their entries are then durable as renamed
        }
    }

    private static void move(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
