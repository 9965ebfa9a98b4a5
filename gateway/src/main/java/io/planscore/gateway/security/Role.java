package io.planscore.gateway.security;

/** The three kinds of caller. An {@code agency} caller always belongs to exactly one agency. */
public enum Role {
    admin, agency, viewer;

    public static final String ADMIN = "admin";
    public static final String AGENCY = "agency";
    public static final String VIEWER = "viewer";
}
