package io.planscore.measurements.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.planscore.measurements.domain.Kind;
import io.planscore.measurements.domain.Period;
import io.planscore.platform.problem.Bounds;
import io.planscore.platform.problem.FieldError;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads a submitted event (a JSON object, whatever way it came in) into a {@link ParsedEvent}.
 *
 * <p>Reading never throws: every problem becomes a {@link FieldError}. Values are read exactly as
 * {@link BigDecimal}, from a JSON number or a numeric string. The canonical body has the twelve
 * event fields, normalised (trimmed text, blank = absent, kind defaulted to {@code actual}, value
 * without trailing zeros, unit NFKC-normalised, instants in UTC) so that the same event sent as JSON,
 * as a CSV row or on Kafka has the same hash.
 */
public final class EventParser {

    static final int MAX_ID = 200;
    static final int MAX_COMPONENT = 50;
    static final int MAX_UNIT = 30;
    static final int MAX_TEXT = 4000;
    /** Digits before and after the decimal point a value may have: finite, and storable without loss. */
    static final int MAX_INTEGER_DIGITS = 20;
    static final int MAX_FRACTION_DIGITS = 12;

    /** PostgreSQL text cannot hold U+0000: an event carrying it would fail its whole chunk if it were stored. */
    public static final char NUL = '\0';

    private static final ObjectMapper CANONICAL = new ObjectMapper();
    private static final java.util.regex.Pattern UUID_FORMAT =
            java.util.regex.Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final java.util.regex.Pattern DECIMAL_FORMAT =
            java.util.regex.Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,4})?");

    private EventParser() {
    }

    /** @param derivedEventId the eventId to use when the body has none (CSV rows), or null */
    public static ParsedEvent parse(JsonNode body, UUID derivedEventId) {
        List<FieldError> errors = new ArrayList<>();
        Fields f = new Fields(body, errors);

        String eventIdText = f.text("eventId", MAX_ID);
        UUID eventId = null;
        if (eventIdText == null && derivedEventId != null) {
            eventId = derivedEventId;
            eventIdText = derivedEventId.toString();
        } else if (eventIdText == null) {
            if (!f.invalid("eventId")) {
                errors.add(new FieldError("eventId", ReasonCode.MISSING_FIELD.name(),
                        "eventId is required: a UUID that identifies this event in every retry"));
            }
        } else {
            eventId = uuid(eventIdText).orElse(null);
            if (eventId == null) {
                errors.add(new FieldError("eventId", ReasonCode.INVALID_FIELD.name(),
                        "eventId '" + eventIdText + "' is not a UUID"));
            } else {
                eventIdText = eventId.toString();
            }
        }

        String kindText = f.text("kind", MAX_ID);
        Kind kind = Kind.ACTUAL;
        String canonicalKind = "actual";
        if (kindText != null) {
            canonicalKind = kindText.toLowerCase(Locale.ROOT);
            kind = Kind.parse(canonicalKind).orElse(null);
            if (kind == null) {
                errors.add(new FieldError("kind", ReasonCode.INVALID_KIND.name(),
                        "kind '" + kindText + "' is not one of actual, correction, retraction"));
            }
        }

        String planId = f.text("planId", MAX_ID);
        String indicatorId = f.text("indicatorId", MAX_ID);
        String component = f.text("component", MAX_COMPONENT);
        String periodText = f.text("period", MAX_ID);
        Period period = null;
        if (periodText != null) {
            period = Period.parse(periodText).orElse(null);
            if (period == null) {
                errors.add(new FieldError("period", ReasonCode.INVALID_PERIOD.name(),
                        "period '" + periodText + "' is not a year (2019), half (2019-H1), quarter (2019-Q3) or month (2019-07)"));
            }
        }

        String valueText = null;
        BigDecimal value = null;
        JsonNode valueNode = body.get("value");
        if (valueNode != null && !valueNode.isNull()) {
            if (valueNode.isNumber()) {
                value = valueNode.decimalValue();
                // scientific until the range check: the plain form of 1e999999999 is a billion digits
                valueText = value.toString();
            } else if (valueNode.isTextual()) {
                valueText = valueNode.asText().trim();
                if (valueText.isEmpty()) {
                    valueText = null;
                } else {
                    value = decimal(valueText).orElse(null);
                    if (value == null) {
                        errors.add(new FieldError("value", ReasonCode.INVALID_VALUE.name(),
                                "value '" + valueText + "' is not a decimal number (write 1234.5, without thousands separators)"));
                    }
                }
            } else {
                valueText = valueNode.toString();
                errors.add(new FieldError("value", ReasonCode.INVALID_VALUE.name(),
                        "value must be a number or a numeric string, not " + valueNode.getNodeType().name().toLowerCase(Locale.ROOT)));
            }
        }
        if (value != null) {
            BigDecimal stripped = value.stripTrailingZeros();
            int integerDigits = Math.max(stripped.precision() - stripped.scale(), 0);
            if (integerDigits > MAX_INTEGER_DIGITS || stripped.scale() > MAX_FRACTION_DIGITS) {
                errors.add(new FieldError("value", ReasonCode.INVALID_VALUE.name(),
                        "value " + valueText + " is out of the supported range (at most " + MAX_INTEGER_DIGITS
                                + " digits before and " + MAX_FRACTION_DIGITS + " after the decimal point)"));
                value = null;
            } else {
                value = stripped.scale() < 0 ? stripped.setScale(0) : stripped;
                valueText = value.toPlainString();
            }
        }

        String rawUnit = f.text("unit", MAX_UNIT);
        String unit = Units.normalize(rawUnit);

        String supersedesText = f.text("supersedes", MAX_ID);
        UUID supersedes = null;
        if (supersedesText != null) {
            supersedes = uuid(supersedesText).orElse(null);
            if (supersedes == null) {
                errors.add(new FieldError("supersedes", ReasonCode.INVALID_FIELD.name(),
                        "supersedes '" + supersedesText + "' is not a UUID (the eventId of the event to replace)"));
            } else {
                supersedesText = supersedes.toString();
            }
        }

        String observedAtText = f.text("observedAt", MAX_ID);
        Instant observedAt = null;
        if (observedAtText != null) {
            observedAt = instant(observedAtText).filter(Bounds::storable).orElse(null);
            if (observedAt == null) {
                errors.add(new FieldError("observedAt", ReasonCode.INVALID_FIELD.name(),
                        "observedAt '" + observedAtText + "' is not an ISO-8601 instant between the years 1 and 9999, "
                                + "such as 2019-12-31T00:00:00Z"));
            } else {
                observedAtText = observedAt.toString();
            }
        }

        String note = f.text("note", MAX_TEXT);
        String evidenceUrl = f.text("evidenceUrl", MAX_TEXT);
        if (evidenceUrl != null && !isHttpUrl(evidenceUrl)) {
            errors.add(new FieldError("evidenceUrl", ReasonCode.INVALID_FIELD.name(),
                    "evidenceUrl '" + evidenceUrl + "' is not an http(s) URL"));
        }

        ObjectNode canonical = CANONICAL.createObjectNode();
        put(canonical, "component", component);
        put(canonical, "eventId", eventIdText);
        put(canonical, "evidenceUrl", evidenceUrl);
        put(canonical, "indicatorId", indicatorId);
        put(canonical, "kind", canonicalKind);
        put(canonical, "note", note);
        put(canonical, "observedAt", observedAtText);
        put(canonical, "period", period != null ? period.text() : periodText);
        put(canonical, "planId", planId);
        put(canonical, "supersedes", supersedesText);
        put(canonical, "unit", unit);
        put(canonical, "value", valueText);
        String canonicalBody;
        try {
            canonicalBody = CANONICAL.writeValueAsString(canonical);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return new ParsedEvent(eventIdText, eventId, planId, indicatorId, component, periodText, period, valueText,
                value, unit, kind, supersedes, observedAt, note, evidenceUrl, List.copyOf(errors), canonicalBody,
                sha256(canonicalBody));
    }

    /** A submission that is not a JSON object at all. */
    public static List<FieldError> malformed(String why) {
        return List.of(new FieldError("$", ReasonCode.MALFORMED_EVENT.name(), why));
    }

    private static void put(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    static Optional<UUID> uuid(String text) {
        if (!UUID_FORMAT.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(text));
    }

    static Optional<BigDecimal> decimal(String text) {
        if (!DECIMAL_FORMAT.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(OffsetDateTime.parse(text).toInstant());
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            return uri.getScheme() != null && (uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
                    && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads scalar text fields, reporting objects, arrays and over-long text. */
    private static final class Fields {
        private final JsonNode body;
        private final List<FieldError> errors;
        private final List<String> invalid = new ArrayList<>();

        Fields(JsonNode body, List<FieldError> errors) {
            this.body = body;
            this.errors = errors;
        }

        String text(String field, int maxLength) {
            JsonNode node = body.get(field);
            if (node == null || node.isNull()) {
                return null;
            }
            if (node.isContainerNode()) {
                invalid.add(field);
                errors.add(new FieldError(field, ReasonCode.INVALID_FIELD.name(), field + " must be a string, not "
                        + node.getNodeType().name().toLowerCase(Locale.ROOT)));
                return null;
            }
            String text = node.isNumber() ? plain(node.decimalValue(), maxLength) : node.asText().trim();
            if (text != null && text.isEmpty()) {
                return null;
            }
            if (text == null || text.length() > maxLength) {
                invalid.add(field);
                errors.add(new FieldError(field, ReasonCode.INVALID_FIELD.name(),
                        field + " is longer than " + maxLength + " characters"));
                return null;
            }
            if (text.indexOf(NUL) >= 0) {
                invalid.add(field);
                errors.add(new FieldError(field, ReasonCode.INVALID_FIELD.name(),
                        field + " contains a NUL character (U+0000), which text cannot hold"));
                return null;
            }
            return text;
        }

        /** The number as plain digits, or null when they would be longer than {@code maxLength}. */
        private static String plain(BigDecimal number, int maxLength) {
            // the plain form has about max(precision, precision - scale) + max(scale, 0) characters
            if (number.precision() > maxLength || Math.abs((long) number.scale()) > maxLength) {
                return null;
            }
            return number.toPlainString();
        }

        boolean invalid(String field) {
            return invalid.contains(field);
        }
    }
}
