package io.planscore.measurements.events;

import io.planscore.measurements.service.Caller;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SubmittedConsumerTest {

    @Test
    void anAgencyTopicStandsForThatAgency() {
        Caller caller = SubmittedConsumer.callerOf("measurements.submitted.v1.agency.3f1c2a9e-5b7d-4c1e-9a2b-0d4e6f8a1c35");
        assertThat(caller).isEqualTo(new Caller(Caller.Role.AGENCY, "3f1c2a9e-5b7d-4c1e-9a2b-0d4e6f8a1c35",
                "kafka:agency-3f1c2a9e-5b7d-4c1e-9a2b-0d4e6f8a1c35"));
        assertThat(caller.mayPostFor("3f1c2a9e-5b7d-4c1e-9a2b-0d4e6f8a1c35")).isTrue();
        assertThat(caller.mayPostFor("9b0e1d2c-0000-4000-8000-000000000000")).isFalse();
    }

    @Test
    void thePlainTopicIsTheAdministratorsIntegrations() {
        assertThat(SubmittedConsumer.callerOf("measurements.submitted.v1"))
                .isEqualTo(new Caller(Caller.Role.ADMIN, null, "kafka:admin"));
    }
}
