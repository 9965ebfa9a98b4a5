package io.planscore.platform.http;

import java.io.IOException;

/** Which failures of a call to another service are failures of the connection, after which a read may be sent again. */
public final class ConnectionFailures {

    private ConnectionFailures() {
    }

    /**
     * The connection was refused or not made in time ({@code ConnectException}), or reset or closed before the
     * service answered (the Quarkus REST Client reports these as a plain {@code IOException}). A timeout waiting for
     * the answer is not one: the service may be working on it.
     */
    public static boolean isConnectionFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
