package io.planscore.gateway.security;

import java.util.List;
import java.util.function.Function;

/** One page of a listing, as every paged listing of the API answers: items, where they are, how many in all. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public <R> Page<R> map(Function<T, R> view) {
        return new Page<>(items.stream().map(view).toList(), page, size, total);
    }
}
