package io.planscore.platform.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JsonErrorsTest {

    /** Found by the hostile-input campaign: scoring-service answered a truncated body naming its stream class. */
    @Test
    void aTruncatedObjectIsDescribedWithoutTheServersStreamClass() {
        // as the services' mapper reads a request body: with its source in the location
        ObjectMapper mapper = JsonMapper.builder().enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class, () -> mapper
                .readTree(new ByteArrayInputStream("{\"indicatorId\": 1".getBytes(StandardCharsets.UTF_8))));
        assertThat(e.getOriginalMessage()).contains("Source:");

        assertThat(JsonErrors.messageAndLocation(e)).doesNotContain("Source", "java.", "ByteArrayInputStream")
                .contains("Unexpected end-of-input").contains("line 1, column");
    }
}
