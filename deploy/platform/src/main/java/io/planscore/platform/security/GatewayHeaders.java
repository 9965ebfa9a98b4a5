package io.planscore.platform.security;

/**
 * Identity headers of a record on {@code measurements.submitted.v1}: who an agency's system submits as
 * (the broker's ACLs decide who may write there). HTTP calls carry a signed {@link ServiceIdentity}
 * instead; these headers mean nothing on HTTP.
 */
public final class GatewayHeaders {

    /** The submitting principal; kept in audit trails. */
    public static final String PRINCIPAL = "X-Planscore-Principal";
    /** {@code admin}, {@code agency} or {@code viewer}. */
    public static final String ROLE = "X-Planscore-Role";
    /** The submitter's agency id; present for the agency role. */
    public static final String AGENCY = "X-Planscore-Agency";

    private GatewayHeaders() {
    }
}
