package io.planscore.chaos.hostile;

/**
 * Who a hostile request claims to be. Every kind the gateway must tell apart: no credential, a key or a token
 * that was never issued, a key that was revoked, a read-only key, an agency key of another plan's agency, the
 * agency key that owns the fixture plan, and an administrator.
 */
public enum Credential {
    NONE, FORGED_KEY, FORGED_TOKEN, REVOKED, VIEWER, OTHER_AGENCY, OWNER_AGENCY, ADMIN
}
