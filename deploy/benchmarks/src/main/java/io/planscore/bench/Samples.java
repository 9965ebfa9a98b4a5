package io.planscore.bench;

import java.util.Arrays;

/** Latency samples in nanoseconds; percentiles by nearest rank, reported in milliseconds. */
final class Samples {

    private long[] values = new long[1024];
    private int size;

    synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    void addAll(Samples other) {
        long[] copy;
        synchronized (other) {
            copy = Arrays.copyOf(other.values, other.size);
        }
        for (long nanos : copy) {
            add(nanos);
        }
    }

    synchronized int size() {
        return size;
    }

    /** The p-th percentile (0 < p <= 100) in milliseconds, NaN without samples. */
    synchronized double percentileMillis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
    }

    double medianMillis() {
        return percentileMillis(50);
    }

    synchronized double meanMillis() {
        if (size == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += values[i];
        }
        return sum / size / 1e6;
    }
}
