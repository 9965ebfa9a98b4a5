package io.planscore.infra;

import java.io.BufferedReader;
import java.util.function.BooleanSupplier;

/**
 * Reads a {@code text/event-stream}: each event's {@code id:}, {@code event:} and {@code data:} lines (several
 * data lines joined by a newline), handed over at the blank line that ends it. Shared by the test subscriber and
 * the benchmark's dashboard client.
 */
public final class SseFrames {

    /** Receives each complete event. */
    @FunctionalInterface
    public interface Listener {
        void onEvent(String id, String name, String data) throws Exception;
    }

    private SseFrames() {
    }

    /** Reads until the stream ends or {@code stopped} says so. */
    public static void read(BufferedReader lines, BooleanSupplier stopped, Listener listener) throws Exception {
        String id = null;
        String name = null;
        StringBuilder data = new StringBuilder();
        for (String line = lines.readLine(); line != null && !stopped.getAsBoolean(); line = lines.readLine()) {
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    listener.onEvent(id, name, data.toString());
                }
                id = null;
                name = null;
                data.setLength(0);
            } else if (line.startsWith("id:")) {
                id = line.substring(3).strip();
            } else if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).strip());
            }
        }
    }
}
