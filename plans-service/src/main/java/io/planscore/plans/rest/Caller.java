package io.planscore.plans.rest;

import io.planscore.platform.security.GatewayHeaders;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Who is calling, as the gateway forwards it (it has authenticated the caller and authorized the call;
 * this service only records the identity for audit).
 */
public record Caller(String principal, String role, String agency) {

    public static final String ANONYMOUS = "anonymous";

    public static Caller of(HttpHeaders headers) {
        return new Caller(value(headers, GatewayHeaders.PRINCIPAL, ANONYMOUS), value(headers, GatewayHeaders.ROLE, null),
                value(headers, GatewayHeaders.AGENCY, null));
    }

    private static String value(HttpHeaders headers, String name, String fallback) {
        String value = headers == null ? null : headers.getHeaderString(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
