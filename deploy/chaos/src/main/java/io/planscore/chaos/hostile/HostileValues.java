package io.planscore.chaos.hostile;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The hostile atoms: JSON tokens written as an attacker would write them (some of them not JSON at all), texts
 * for parameters, path segments and CSV cells, and header values.
 */
final class HostileValues {

    private HostileValues() {
    }

    /** Numbers that are too big, too small, too long or not numbers, written out as JSON (or almost JSON). */
    static final List<String> NUMBERS = List.of(
            "1e999999999", "-1e999999999", "1e-400", "1e-999999999", "1e2147483648", "1e-2147483649", "1e10000",
            "1e5000", "1e100000", "1234567890123456789012345678901234567890", "-1234567890123456789012345678901234567890",
            "0.000000000000000000000000000000000000000001", "9223372036854775808", "-9223372036854775809",
            "2147483648", "-2147483649", "-0", "0", "-1", "1.5", "4.9e-324", "1.7976931348623157e309",
            "NaN", "-NaN", "Infinity", "-Infinity", "+1", "01", ".5", "1.", "0x10", "1e", "1_000");

    /** The same and worse as JSON strings: numbers sent as text. */
    static final List<String> NUMBERS_AS_TEXT = List.of(
            "\"1e999999999\"", "\"1e-400\"", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"12\"", "\" 12 \"", "\"12abc\"",
            "\"1,000\"", "\"１２\"", "\"1234567890123456789012345678901234567890\"", "\"1e2147483648\"", "\"\"",
            "\"8.5萬\"", "\"0x1F\"");

    static final List<String> SCALARS = List.of(
            "null", "true", "false", "[]", "{}", "[null]", "{\"a\":1}", "\"\"", "\" \"", "[1,2,3]", "{\"$ne\":null}");

    /** Texts that try the database, the file system, the log and the parser. */
    static final List<String> TEXTS = List.of(
            "'; DROP TABLE plans; --", "' OR '1'='1", "\" OR \"\"=\"", "1; SELECT pg_sleep(10)--", "%' AND 1=1 --",
            "Robert'); DROP TABLE measurements;--", "\\", "\\\\'", "../../../../etc/passwd", "..\\..\\windows\\win.ini",
            "..%2f..%2fetc%2fpasswd", "%00", "${jndi:ldap://127.0.0.1/a}", "#{7*7}", "{{7*7}}", "<script>alert(1)</script>",
            "\u0000", "a\u0000b", "\u0001\u0002\u0003\u001f\u007f", "\t\r\n", "line\nbreak", "\u202e\u200b\ufeff",
            "\ud83d\ude00", "中文測試", "NULL", "null", "undefined", "true", "-", "", " ", "%s%s%s%n", "\uffff", "\ud800");

    /** Strings that are almost UUIDs, or not at all. */
    static final List<String> UUIDS = List.of(
            "00000000-0000-0000-0000-000000000000", "not-a-uuid", "{5b0c6d1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e}",
            "5b0c6d1e2f3a4b5c8d9e0f1a2b3c4d5e", "5b0c6d1e-2f3a-4b5c-8d9e-0f1a2b3c4d5", "5b0c6d1e-2f3a-4b5c-8d9e-0f1a2b3c4d5ef",
            "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz", "5B0C6D1E-2F3A-4B5C-8D9E-0F1A2B3C4D5E", "ffffffff-ffff-ffff-ffff-ffffffffffff",
            "1-1-1-1-1", "-1", "0");

    /** Dates and instants out of every range. */
    static final List<String> DATES = List.of(
            "2018-13-45T99:99:99Z", "0000-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z",
            "294277-01-01T00:00:00Z", "-4714-11-24T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00Z",
            "2018-02-30T00:00:00Z", "2018-12-31", "2018-12-31T00:00:00", "2018-12-31T00:00:00+25:00", "yesterday",
            "1544227200", "2018-W01", "2018-Q5", "2018-00", "107", "民國107年", "99999", "-2018", "2018-12-31T00:00:00Z[UTC]");

    /** Numbers as query or path text. */
    static final List<String> NUMBER_TEXTS = List.of(
            "-1", "0", "2147483647", "2147483648", "-2147483649", "99999999999999999999", "1e3", "1e999999999", "NaN",
            "Infinity", "1.5", "0x10", "", " 1", "１", "9223372036854775808");

    static String pick(SplittableRandom random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Any hostile JSON token: a number, a number as text, a wrong type, a hostile or a long text, a deep nest. */
    static String anyJsonToken(SplittableRandom random) {
        return switch (random.nextInt(9)) {
            case 0, 1 -> pick(random, NUMBERS);
            case 2 -> pick(random, NUMBERS_AS_TEXT);
            case 3 -> pick(random, SCALARS);
            case 4, 5 -> jsonString(pick(random, TEXTS));
            case 6 -> jsonString(pick(random, random.nextBoolean() ? UUIDS : DATES));
            case 7 -> jsonString(longText(random));
            default -> deepNest(random, 1 + random.nextInt(3000));
        };
    }

    /** Any hostile text, for a parameter, a path segment or a CSV cell. */
    static String anyText(SplittableRandom random) {
        return random.nextInt(7) == 6 ? longText(random) : anyShortText(random);
    }

    /** Any hostile text short enough for a URI. */
    static String anyUriText(SplittableRandom random) {
        return random.nextInt(7) == 6 ? longUriText(random) : anyShortText(random);
    }

    private static String anyShortText(SplittableRandom random) {
        return switch (random.nextInt(6)) {
            case 0, 1 -> pick(random, TEXTS);
            case 2 -> pick(random, NUMBER_TEXTS);
            case 3 -> pick(random, NUMBERS);
            case 4 -> pick(random, UUIDS);
            default -> pick(random, DATES);
        };
    }

    static String longText(SplittableRandom random) {
        return longText(random, random.nextInt(3) == 0 ? 100_000 : 10_001);
    }

    /**
     * A long text for a URI: at most 10,001 characters, so that the request line stays within what the gateway's
     * HTTP layer reads at all (longer ones are refused by Vert.x before any route, see docs/reliability.md).
     */
    static String longUriText(SplittableRandom random) {
        return longText(random, 10_001);
    }

    private static String longText(SplittableRandom random, int longest) {
        int length = switch (random.nextInt(4)) {
            case 0 -> 501;
            case 1 -> 10_001;
            case 2 -> longest;
            default -> 1 + random.nextInt(3000);
        };
        String unit = pick(random, List.of("a", "字", "'", "\u0000", "%", "\ud83d\ude00", " "));
        return unit.repeat(Math.max(1, length / unit.length()));
    }

    static String deepNest(SplittableRandom random, int depth) {
        boolean arrays = random.nextBoolean();
        StringBuilder text = new StringBuilder(depth * 6 + 2);
        for (int i = 0; i < depth; i++) {
            text.append(arrays ? "[" : "{\"a\":");
        }
        text.append("1");
        for (int i = 0; i < depth; i++) {
            text.append(arrays ? "]" : "}");
        }
        return text.toString();
    }

    /** A JSON string literal, escaped as a well-behaved client would (so U+0000 arrives as \u0000). */
    static String jsonString(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
