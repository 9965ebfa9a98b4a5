package io.planscore.plans.rest;

import io.planscore.plans.service.Page;
import jakarta.ws.rs.core.Response;

/**
 * A page of a list that has always been answered as a bare JSON array: the body stays an array (old
 * clients keep working) and the total goes in a header.
 */
final class ArrayPages {

    static final String TOTAL_COUNT = "X-Total-Count";

    private ArrayPages() {
    }

    static Response of(Page<?> page) {
        return Response.ok(page.items()).header(TOTAL_COUNT, page.total()).build();
    }
}
