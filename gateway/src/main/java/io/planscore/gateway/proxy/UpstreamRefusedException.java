package io.planscore.gateway.proxy;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A service call the guards refused, thrown where the answer was needed rather than forwarded. */
public class UpstreamRefusedException extends RuntimeException {

    private final transient Response response;

    UpstreamRefusedException(Response response) {
        super(null, null, false, false);
        this.response = response;
    }

    /** The problem+json the caller gets: 503 or 504 naming the service, as for a forwarded request. */
    public Response response() {
        return response;
    }

    /** Answers with the refusal itself (the generic mappers would make a 5xx an internal error). */
    public static class Mapper {

        @ServerExceptionMapper
        public Response refused(UpstreamRefusedException e) {
            return e.response();
        }
    }
}
