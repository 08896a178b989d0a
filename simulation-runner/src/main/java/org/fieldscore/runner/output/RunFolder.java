package org.fieldscore.runner.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A run's hold on its output folder, taken before anything is computed: the folder is created when missing, proved
 * writable by creating and removing a probe file, locked against a second run writing into it at the same time
 * (an exclusive lock on {@value #LOCK_FILE}, held until {@link #close}), and cleared of the temporary files a killed
 * run left behind. A folder that fails any of these is refused with an {@link OutputPathException} saying why, so a
 * run never computes for minutes and then finds it cannot write.
 *
 * <p>The lock file stays in the folder (deleting it would let two later runs lock different files); it holds the
 * process id and start time of the run that last held it. The lock is the operating system's, so it is released
 * when the process ends in any way, kill -9 included.
 */
public final class RunFolder implements AutoCloseable {

    /** Name of the lock file inside the output folder. */
    public static final String LOCK_FILE = ".fieldscore.lock";

    private final OutputDirectory directory;
    private final FileChannel channel;
    private final FileLock lock;
    private final List<Path> removedTemporaryFiles;

    private RunFolder(OutputDirectory directory, FileChannel channel, FileLock lock, List<Path> removed) {
        this.directory = directory;
        this.channel = channel;
        this.lock = lock;
        this.removedTemporaryFiles = List.copyOf(removed);
    }

    /**
     * @param folder the output folder (created with its parents when missing)
     * @return the held folder, with {@link OutputDirectory.Durability#ATOMIC} writes
     * @throws OutputPathException when the folder cannot be created, is not writable, or another run holds it
     */
    public static RunFolder open(Path folder) {
        return open(folder, OutputDirectory.Durability.ATOMIC);
    }

    /**
     * @param folder the output folder (created with its parents when missing)
     * @param durability whether the run's files are forced to the device
     * @return the held folder; close it when the run has written its outputs
     * @throws OutputPathException when the folder cannot be created, is not writable, or another run holds it
     */
    public static RunFolder open(Path folder, OutputDirectory.Durability durability) {
        String name = folder.toString();
        requireCreatable(folder, name);
        OutputDirectory directory;
        try {
            directory = OutputDirectory.create(folder, durability);
        } catch (FileSystemException e) {
            throw new OutputPathException(name, "the folder cannot be created (" + reason(e) + "); valid: a folder"
                    + " path you can write to, not below a file");
        } catch (IOException e) {
            throw new OutputPathException(name, "the folder cannot be created (" + e.getMessage() + "); valid: a"
                    + " folder path you can write to, not below a file");
        }
        probe(directory.root(), name);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(directory.root().resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.READ);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // this process already holds it: another run in the same JVM
            }
            if (lock == null) {
                channel.close();
                throw held(name, directory.root().resolve(LOCK_FILE));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", started "
                    + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            List<Path> removed = directory.removeLeftoverTemporaryFiles();
            return new RunFolder(directory, channel, lock, removed);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new OutputPathException(name, "the folder cannot be locked for this run (" + e.getMessage()
                    + "); valid: a folder on a local file system you can write to");
        }
    }

    /**
     * Checks a folder as {@link #open} would, for {@code validate}, without creating it or taking its lock: the path
     * is a folder or can be created as one (no part of it is a file), it is not on a read-only file system, a probe
     * file can be created and removed in it (or, while it does not exist, in the nearest folder that does, where it
     * would be created), and no other run holds it.
     *
     * @param folder the output folder a run would use
     * @return the folder as an output directory when it exists (to resolve step paths in it), empty otherwise
     * @throws OutputPathException when a run into the folder would be refused, saying why
     */
    public static Optional<OutputDirectory> check(Path folder) {
        String name = folder.toString();
        Path existing = requireCreatable(folder, name);
        probe(existing, name);
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        Path lockFile = folder.resolve(LOCK_FILE);
        if (Files.isRegularFile(lockFile)) {
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null; // this process holds it
                }
                if (lock == null) {
                    throw held(name, lockFile);
                }
                lock.release();
            } catch (IOException e) {
                throw new OutputPathException(name, "its lock file " + lockFile + " cannot be opened (" + e.getMessage()
                        + "); valid: a folder on a local file system you can write to");
            }
        }
        try {
            return Optional.of(OutputDirectory.create(folder));
        } catch (IOException e) {
            throw new OutputPathException(name, "the folder cannot be opened (" + e.getMessage() + "); valid: a"
                    + " folder you can read and write");
        }
    }

    /** @return the output directory the run writes through */
    public OutputDirectory directory() {
        return directory;
    }

    /** @return the temporary files of an earlier, killed run that were removed */
    public List<Path> removedTemporaryFiles() {
        return removedTemporaryFiles;
    }

    /** Releases the lock (the lock file stays). */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // the channel is closed next, which releases the lock in any case
        }
        closeQuietly(channel);
    }

    /**
     * @return the folder itself when it exists, else its nearest existing ancestor (where it would be created)
     * @throws OutputPathException when the folder is a file, lies below a file, or is on a read-only file system
     */
    private static Path requireCreatable(Path folder, String name) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new OutputPathException(name, "it exists and is not a folder; valid: a folder path (it is created"
                    + " when missing)");
        }
        Path existing = folder.toAbsolutePath().normalize();
        while (!Files.exists(existing) && existing.getParent() != null) {
            existing = existing.getParent();
        }
        if (!Files.isDirectory(existing)) {
            throw new OutputPathException(name, "the folder cannot be created: " + existing + " is a file, not a"
                    + " folder; valid: a folder path you can write to, not below a file");
        }
        try {
            FileStore store = Files.getFileStore(existing);
            if (store.isReadOnly()) {
                throw new OutputPathException(name, "it is on a read-only file system (" + store + "); valid: a"
                        + " folder on a writable file system");
            }
        } catch (IOException e) {
            // the file store cannot be queried: the probe file decides
        }
        return existing;
    }

    private static OutputPathException held(String name, Path lockFile) {
        return new OutputPathException(name, "another fieldscore run" + readHolder(lockFile) + " is writing into"
                + " this folder; wait for it to finish, or give --out another folder");
    }

    private static void probe(Path root, String name) {
        Path probe = root.resolve(".fieldscore-probe-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try {
            Files.write(probe, new byte[] {1}, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Files.delete(probe);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException ignored) {
                // the folder is not writable; nothing was left
            }
            throw new OutputPathException(name, "the folder is not writable (a probe file could not be created and"
                    + " removed: " + (e instanceof FileSystemException f ? reason(f) : e.getMessage()) + "); valid: a"
                    + " folder you can write to, on a writable file system");
        }
    }

    private static String readHolder(Path lockFile) {
        try {
            String text = Files.readString(lockFile, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "" : " (" + text + ")";
        } catch (IOException e) {
            return "";
        }
    }

    private static String reason(FileSystemException e) {
        return e.getReason() == null ? e.getClass().getSimpleName() + " " + e.getFile()
                : e.getReason() + ": " + e.getFile();
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing more to release
            }
        }
    }
}
