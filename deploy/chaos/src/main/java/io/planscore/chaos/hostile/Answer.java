package io.planscore.chaos.hostile;

import java.nio.charset.StandardCharsets;

/**
 * What the gateway answered one hostile request: status, content type and the head of the body; status 0 when
 * no answer came (the connection was closed or timed out).
 */
record Answer(int status, String contentType, java.net.http.HttpHeaders headers, byte[] body, String failure) {

    static Answer none(String failure) {
        return new Answer(0, "", java.net.http.HttpHeaders.of(java.util.Map.of(), (name, value) -> true), new byte[0], failure);
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    String statusClass() {
        return status == 0 ? "no answer" : (status / 100) + "xx";
    }
}
