package io.planscore.localrun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code <data>/run}: what one launcher started with this data folder, so that nothing it started outlives it
 * unnoticed. It holds a lock for as long as the launcher runs ({@code launcher.lock}; the operating system releases
 * it when the launcher dies, even by {@code kill -9}) and a {@code <name>.pid} file (pid and start time) for every
 * process the launcher started outside its own JVM: the service JVMs and PostgreSQL, which runs in a session of
 * its own. Whoever claims the folder next, a new launcher or the {@link Watchdog} of the dead one, stops those
 * processes first. The start time tells a leftover from an unrelated process that got the same pid later.
 */
final class RunFolder implements AutoCloseable {

    /** PostgreSQL is stopped after the services, which hold connections to it. */
    static final String DATABASE = "postgresql";

    private static final String PID_SUFFIX = ".pid";

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private RunFolder(Path dir, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Takes {@code <dataDir>/run} for this process, waiting up to {@code wait} for another holder (a watchdog
     * cleaning up) to let go; then stops the leftovers of an earlier run, each reported to {@code console}.
     */
    static RunFolder claim(Path dataDir, Duration wait, Consumer<String> console) {
        Path dir = dataDir.resolve("run");
        try {
            Files.createDirectories(dir);
            FileChannel channel = FileChannel.open(dir.resolve("launcher.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = lockWithin(channel, wait);
            if (lock == null) {
                String holder = readHolder(channel);
                channel.close();
                throw new IllegalStateException("Another planscore launcher (" + holder + ") runs with the data folder "
                        + dataDir + ": stop it first, or use another data folder (PLANSCORE_DATA_DIR).");
            }
            channel.truncate(0);
            channel.write(java.nio.ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n")
                    .getBytes(StandardCharsets.UTF_8)), 0);
            RunFolder folder = new RunFolder(dir, channel, lock);
            folder.stopLeftovers(console);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot claim " + dir, e);
        }
    }

    private static FileLock lockWithin(FileChannel channel, Duration wait) throws IOException {
        Instant deadline = Instant.now().plus(wait);
        while (true) {
            try {
                FileLock lock = channel.tryLock();
                if (lock != null || Instant.now().isAfter(deadline)) {
                    return lock;
                }
            } catch (OverlappingFileLockException heldInThisJvm) {
                if (Instant.now().isAfter(deadline)) {
                    return null;
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    private static String readHolder(FileChannel channel) throws IOException {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(64);
        int read = channel.read(buffer, 0);
        return read <= 0 ? "pid unknown" : new String(buffer.array(), 0, read, StandardCharsets.UTF_8).strip();
    }

    /** Remembers that this launcher started {@code process} as {@code name} (replacing an earlier one). */
    void record(String name, ProcessHandle process) {
        String started = process.info().startInstant().map(Instant::toString).orElse("-");
        try {
            Files.writeString(pidFile(name), process.pid() + " " + started + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot record " + name, e);
        }
    }

    /** {@code name} was stopped on purpose: nothing to clean up after it. */
    void forget(String name) {
        try {
            Files.deleteIfExists(pidFile(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path pidFile(String name) {
        return dir.resolve(name + PID_SUFFIX);
    }

    /** Stops every recorded process that still runs (services first, PostgreSQL last) and forgets it. */
    void stopLeftovers(Consumer<String> console) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> pidFiles = Files.newDirectoryStream(dir, "*" + PID_SUFFIX)) {
            pidFiles.forEach(files::add);
        }
        files.sort(Comparator.comparing((Path file) -> file.getFileName().toString().equals(DATABASE + PID_SUFFIX))
                .thenComparing(Path::toString));
        for (Path file : files) {
            String name = file.getFileName().toString();
            name = name.substring(0, name.length() - PID_SUFFIX.length());
            Optional<ProcessHandle> leftover = recordedProcess(Files.readString(file));
            if (leftover.isPresent()) {
                console.accept("Stopping " + name + " (pid " + leftover.get().pid() + "), left running by an earlier"
                        + " launcher of " + dir.getParent() + " ...");
                stop(leftover.get());
            }
            Files.deleteIfExists(file);
        }
    }

    /** The process a pid file names, if it still runs and is the same one (same start time). */
    static Optional<ProcessHandle> recordedProcess(String pidFileContent) {
        String[] fields = pidFileContent.strip().split("\\s+");
        try {
            long pid = Long.parseLong(fields[0]);
            Optional<Instant> recordedStart = fields.length > 1 && !fields[1].equals("-")
                    ? Optional.of(Instant.parse(fields[1])) : Optional.empty();
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(process -> {
                Optional<Instant> actualStart = process.info().startInstant();
                return recordedStart.isEmpty() || actualStart.isEmpty() || recordedStart.equals(actualStart);
            });
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** SIGTERM (a graceful stop: Quarkus drains, PostgreSQL shuts down once its clients are gone), then SIGKILL. */
    static void stop(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception notYet) {
            process.destroyForcibly();
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // reported by the port check that follows
            }
        }
    }

    @Override
    public void close() {
        if (!lockChannel.isOpen()) {
            return;
        }
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
