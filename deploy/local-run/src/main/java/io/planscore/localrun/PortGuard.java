package io.planscore.localrun;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses a port that something else holds, naming it: the launcher never talks to a server it did not start
 * (a PostgreSQL left on 15432 by an earlier run once received a new run's services and seed plans).
 */
final class PortGuard {

    private PortGuard() {
    }

    /** Throws, naming the process that listens on {@code port} where it can, unless the port is free. */
    static void requireFree(int port, String purpose, String setting) {
        if (isFree(port)) {
            return;
        }
        String holder = listener(port).map(process -> "process " + process)
                .orElse("another process (" + (isLinux() ? "not one this user may inspect" : "on Linux, /proc names it")
                        + "; e.g. lsof -i :" + port + ")");
        throw new IllegalStateException("Port " + port + " (" + purpose + ") is in use by " + holder
                + ". planscore uses only servers it starts itself: stop that process, or choose another port with "
                + setting + ".");
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // SO_REUSEADDR: connections of an earlier run in TIME_WAIT are no obstacle, a listening socket is.
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** "pid 1234: postgres -D /data/postgres -p 15432", from /proc on Linux; empty elsewhere or if unknown. */
    static Optional<String> listener(int port) {
        if (!isLinux()) {
            return Optional.empty();
        }
        Set<String> sockets = listeningSockets(port);
        if (sockets.isEmpty()) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                if (holdsAny(process, sockets)) {
                    return Optional.of("pid " + process.getFileName() + ": " + commandLine(process));
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The inodes of the sockets listening on {@code port} ({@code /proc/net/tcp*}, state 0A = LISTEN). */
    private static Set<String> listeningSockets(int port) {
        Set<String> inodes = new HashSet<>();
        String portHex = ":" + String.format(Locale.ROOT, "%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length > 9 && fields[1].endsWith(portHex) && fields[3].equals("0A")) {
                        inodes.add("socket:[" + fields[9] + "]");
                    }
                }
            } catch (IOException | RuntimeException e) {
                // no such table (IPv6 off): the other one answers
            }
        }
        return inodes;
    }

    private static boolean holdsAny(Path process, Set<String> sockets) {
        try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(process.resolve("fd"))) {
            for (Path descriptor : descriptors) {
                try {
                    if (sockets.contains(Files.readSymbolicLink(descriptor).toString())) {
                        return true;
                    }
                } catch (IOException gone) {
                    // closed meanwhile
                }
            }
        } catch (IOException notOurs) {
            // another user's process, or it ended
        }
        return false;
    }

    private static String commandLine(Path process) {
        try {
            return new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ').strip();
        } catch (IOException e) {
            return "(command unknown)";
        }
    }

    private static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    }
}
