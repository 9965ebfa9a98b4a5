package io.planscore.plans.service;

import java.util.List;

/** One page of a list that is answered as a bare JSON array, with the total the caller needs to page on. */
public record Page<T>(List<T> items, long total) {
}
