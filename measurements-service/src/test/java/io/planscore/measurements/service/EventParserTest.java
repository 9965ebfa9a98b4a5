package io.planscore.measurements.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.planscore.measurements.domain.Kind;
import io.planscore.measurements.domain.Period;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EventParserTest {

    static final ObjectMapper MAPPER = new ObjectMapper().enable(
            com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void textWithANulCharacterIsAnInvalidFieldAndIsNotKept() {
        ObjectNode body = json("{\"eventId\": \"" + UUID.randomUUID() + "\", \"planId\": \"p\\u0000q\", "
                + "\"indicatorId\": \"K1\", \"period\": \"2019\", \"value\": 1, \"note\": \"a\\u0000b\"}");
        ParsedEvent e = EventParser.parse(body, null);
        assertThat(e.planId()).isNull();
        assertThat(e.note()).isNull();
        assertThat(e.errors()).extracting(error -> error.field() + " " + error.code())
                .containsExactly("planId INVALID_FIELD", "note INVALID_FIELD");
        assertThat(e.canonicalBody()).doesNotContain("\\u0000");
    }

    @Test
    void hugeExponentsAreErrorsWithoutWritingTheirDigits() {
        ParsedEvent e = EventParser.parse(json("{\"eventId\": 1e999999999, \"period\": 1e10000, "
                + "\"value\": 1e999999999, \"observedAt\": \"+999999999-12-31T23:59:59Z\"}"), null);
        assertThat(e.errors()).extracting(error -> error.field() + " " + error.code())
                .containsExactlyInAnyOrder("eventId INVALID_FIELD", "period INVALID_FIELD", "value INVALID_VALUE",
                        "observedAt INVALID_FIELD");
        assertThat(e.canonicalBody()).hasSizeLessThan(500);
    }

    @Test
    void periodsParseAndNormalise() {
        assertThat(Period.parse("2019")).contains(new Period("2019", 2019));
        assertThat(Period.parse("2019-h1")).contains(new Period("2019-H1", 2019));
        assertThat(Period.parse(" 2019-Q3 ")).contains(new Period("2019-Q3", 2019));
        assertThat(Period.parse("2019-07")).contains(new Period("2019-07", 2019));
        assertThat(Period.parse("2019-13")).isEmpty();
        assertThat(Period.parse("2019-Q5")).isEmpty();
        assertThat(Period.parse("2019-7")).isEmpty();
        assertThat(Period.parse("108")).isEmpty();
        assertThat(Period.parse("2019-07-01")).isEmpty();
    }

    @Test
    void valuesAreExactDecimalsFromNumbersOrStrings() {
        String id = UUID.randomUUID().toString();
        ParsedEvent number = EventParser.parse(json("{\"eventId\":\"" + id + "\",\"value\":99.70}"), null);
        ParsedEvent string = EventParser.parse(json("{\"eventId\":\"" + id + "\",\"value\":\" 99.7 \"}"), null);
        ParsedEvent exponent = EventParser.parse(json("{\"eventId\":\"" + id + "\",\"value\":\"9.97E1\"}"), null);
        assertThat(number.value()).isEqualTo(new BigDecimal("99.7"));
        assertThat(string.value()).isEqualTo(new BigDecimal("99.7"));
        assertThat(exponent.value()).isEqualTo(new BigDecimal("99.7"));
        assertThat(number.bodyHash()).isEqualTo(string.bodyHash()).isEqualTo(exponent.bodyHash());
        assertThat(EventParser.parse(json("{\"value\":1E+2}"), null).value()).isEqualTo(new BigDecimal("100"));
        assertThat(EventParser.parse(json("{\"value\":0.1}"), null).value().toPlainString()).isEqualTo("0.1");
        for (String bad : new String[] {"\"NaN\"", "\"Infinity\"", "\"1,5\"", "\"0x10\"", "true", "[1]", "\"1e99999\""}) {
            ParsedEvent e = EventParser.parse(json("{\"value\":" + bad + "}"), null);
            assertThat(e.errors()).as(bad).anySatisfy(err -> {
                assertThat(err.field()).isEqualTo("value");
                assertThat(err.code()).isEqualTo("INVALID_VALUE");
            });
        }
    }

    @Test
    void theCanonicalBodyIgnoresFormattingButNotContent() {
        String id = UUID.randomUUID().toString();
        ParsedEvent a = EventParser.parse(json("{\"eventId\":\"" + id + "\",\"planId\":\"p\",\"indicatorId\":\"i\","
                + "\"period\":\"2019-q1\",\"value\":3,\"unit\":\"％\",\"kind\":\"actual\",\"note\":\" \"}"), null);
        ParsedEvent b = EventParser.parse(json("{\"note\":null,\"unit\":\"%\",\"value\":\"3.000\",\"period\":\"2019-Q1\","
                + "\"indicatorId\":\" i \",\"planId\":\"p\",\"eventId\":\"" + id.toUpperCase() + "\"}"), null);
        ParsedEvent c = EventParser.parse(json("{\"eventId\":\"" + id + "\",\"planId\":\"p\",\"indicatorId\":\"i\","
                + "\"period\":\"2019-Q1\",\"value\":3,\"unit\":\"%\",\"note\":\"late\"}"), null);
        assertThat(a.bodyHash()).isEqualTo(b.bodyHash());
        assertThat(a.bodyHash()).isNotEqualTo(c.bodyHash());
        assertThat(a.kind()).isEqualTo(Kind.ACTUAL);
        assertThat(a.unit()).isEqualTo("%");
        assertThat(a.eventId()).isEqualTo(UUID.fromString(id));
    }

    @Test
    void unitsNormaliseButScalesStayScales() {
        assertThat(Units.normalize("％")).isEqualTo("%");
        assertThat(Units.normalize(" 人 次 ")).isEqualTo("人次");
        assertThat(Units.normalize("  ")).isNull();
        assertThat(Units.withoutScalePrefix("萬人次")).isEqualTo("人次");
        assertThat(Units.withoutScalePrefix("人次")).isNull();
        assertThat(Units.isMoney("萬元")).isTrue();
    }

    @Test
    void csvRowsWithoutEventIdGetTheSameIdForTheSameContent() {
        ObjectNode row = json("{\"planId\":\"p\",\"indicatorId\":\"i\",\"period\":\"2019\",\"value\":\"3.0\"}");
        ObjectNode same = json("{\"planId\":\"p\",\"indicatorId\":\"i\",\"period\":\"2019\",\"value\":\"3\"}");
        ObjectNode other = json("{\"planId\":\"p\",\"indicatorId\":\"i\",\"period\":\"2019\",\"value\":\"4\"}");
        UUID id = CsvImport.deriveEventId(row);
        assertThat(id.version()).isEqualTo(5);
        assertThat(CsvImport.deriveEventId(same)).isEqualTo(id);
        assertThat(CsvImport.deriveEventId(other)).isNotEqualTo(id);
    }

    @Test
    void csvFollowsRfc4180() {
        var records = CsvImport.parse("a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"multi\nline\",\n\n3,,");
        assertThat(records).hasSize(5);
        assertThat(records.get(1).cells()).containsExactly("1", "x, y", "say \"hi\"");
        assertThat(records.get(2).cells()).containsExactly("2", "multi\nline", "");
        assertThat(records.get(2).line()).isEqualTo(3);
        assertThat(records.get(3).blank()).isTrue();
        assertThat(records.get(4).line()).isEqualTo(6);
        assertThat(records.get(4).cells()).containsExactly("3", "", "");
    }
}
