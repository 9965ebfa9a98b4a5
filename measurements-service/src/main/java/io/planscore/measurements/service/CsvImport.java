package io.planscore.measurements.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.planscore.platform.problem.FieldError;
import io.planscore.platform.problem.ProblemException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Reads a CSV file of measurement events into submissions for the one pipeline.
 *
 * <p>Format: UTF-8, with or without a byte-order mark; RFC 4180 (comma-separated, fields with commas,
 * quotes or line breaks in double quotes, {@code ""} for a quote; CRLF or LF). The first line is the
 * header, with any of the columns {@link #COLUMNS} in any order (names are case-insensitive; planId
 * and indicatorId are required). An empty cell is an absent field. Empty lines are skipped.
 *
 * <p>A row without an eventId gets a deterministic one: a name-based (version 5) UUID of the row's
 * canonical content (all other columns, normalised as for the duplicate test). Posting the same file
 * again therefore answers {@code duplicate} for every row accepted before; two identical rows in one
 * file are one event (give them eventIds if they really are two).
 */
public final class CsvImport {

    public static final List<String> COLUMNS = List.of("eventId", "planId", "indicatorId", "component", "period",
            "value", "unit", "kind", "supersedes", "observedAt", "note", "evidenceUrl");

    /** Namespace of the derived eventIds (a fixed, random UUID). */
    static final UUID NAMESPACE = UUID.fromString("2f6a3c1e-8d4b-5e0f-9a71-3b5c2d4e6f80");
    private static final UUID PLACEHOLDER = new UUID(0L, 0L);

    private CsvImport() {
    }

    public static List<Submission> read(byte[] bytes, int maxRows) {
        String text = decode(bytes);
        List<Record> records = parse(text);
        if (records.isEmpty()) {
            throw ProblemException.badRequest("The file is empty: the first line must be the header "
                    + String.join(",", COLUMNS) + ".", new FieldError("header", "MISSING_FIELD", "no header line"));
        }
        List<String> header = header(records.get(0));
        List<Record> rows = records.subList(1, records.size()).stream().filter(r -> !r.blank()).toList();
        if (rows.size() > maxRows) {
            throw new ProblemException(io.planscore.platform.problem.Problem.of(413, "too-many-events",
                    "Too many events", "A file may carry at most " + maxRows + " rows; this one has " + rows.size()
                            + ". Split it (re-posting a file is safe: rows are idempotent).",
                    List.of(new FieldError("rows", "TOO_MANY_EVENTS", "at most " + maxRows + " rows per file"))));
        }
        List<Submission> submissions = new ArrayList<>(rows.size());
        for (Record row : rows) {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            for (int i = 0; i < Math.min(header.size(), row.cells().size()); i++) {
                String cell = row.cells().get(i).trim();
                if (!cell.isEmpty()) {
                    body.put(header.get(i), cell);
                }
            }
            if (row.cells().size() > header.size()) {
                submissions.add(Submission.malformed(body.toString(), "line " + row.line() + " has "
                        + row.cells().size() + " cells but the header names " + header.size() + " columns", row.line(),
                        null, null));
                continue;
            }
            UUID derived = body.hasNonNull("eventId") ? null : deriveEventId(body);
            submissions.add(Submission.of(body, derived, row.line(), null, null));
        }
        return submissions;
    }

    /** The eventId of a row that has none: a version-5 UUID of its canonical content. */
    static UUID deriveEventId(ObjectNode body) {
        ParsedEvent parsed = EventParser.parse(body, PLACEHOLDER);
        return nameUuid(parsed.canonicalBody());
    }

    static UUID nameUuid(String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            ByteBuffer ns = ByteBuffer.allocate(16).putLong(NAMESPACE.getMostSignificantBits())
                    .putLong(NAMESPACE.getLeastSignificantBits());
            sha1.update(ns.array());
            sha1.update(name.getBytes(StandardCharsets.UTF_8));
            byte[] hash = sha1.digest();
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            ByteBuffer bb = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(bb.getLong(), bb.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest("The file is not UTF-8 text: save it as UTF-8 (with or without BOM).",
                    new FieldError("$", "MALFORMED_CSV", "not UTF-8"));
        }
    }

    private static List<String> header(Record record) {
        Map<String, String> known = new LinkedHashMap<>();
        COLUMNS.forEach(c -> known.put(c.toLowerCase(Locale.ROOT), c));
        List<String> header = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (String cell : record.cells()) {
            String name = known.get(cell.trim().toLowerCase(Locale.ROOT));
            if (name == null) {
                errors.add(new FieldError("header", "UNKNOWN_COLUMN", "column '" + cell.trim()
                        + "' is not one of " + String.join(",", COLUMNS)));
            } else if (header.contains(name)) {
                errors.add(new FieldError("header", "DUPLICATE_COLUMN", "column '" + name + "' appears twice"));
            }
            header.add(name);
        }
        for (String required : List.of("planId", "indicatorId")) {
            if (!header.contains(required)) {
                errors.add(new FieldError("header", "MISSING_FIELD", "the header has no " + required + " column"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(io.planscore.platform.problem.Problem.of(400, "bad-csv-header",
                    "The CSV header is not valid", "The first line must name the columns, from: "
                            + String.join(",", COLUMNS) + ".", errors));
        }
        return header;
    }

    record Record(int line, List<String> cells) {
        boolean blank() {
            return cells.stream().allMatch(c -> c.trim().isEmpty());
        }
    }

    /** RFC 4180 records with the line each starts on. */
    static List<Record> parse(String text) {
        List<Record> records = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                any = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                cell.setLength(0);
                records.add(new Record(recordLine, List.copyOf(cells)));
                cells.clear();
                any = false;
                line++;
                recordLine = line;
            } else {
                cell.append(c);
                any = true;
            }
        }
        if (any || cell.length() > 0 || !cells.isEmpty()) {
            cells.add(cell.toString());
            records.add(new Record(recordLine, List.copyOf(cells)));
        }
        return records;
    }
}
