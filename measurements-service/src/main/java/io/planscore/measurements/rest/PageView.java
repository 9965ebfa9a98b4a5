package io.planscore.measurements.rest;

import java.util.List;

/** One page of a list: {@code page} is 0-based. */
public record PageView<T>(List<T> items, int page, int size, long total) {
}
