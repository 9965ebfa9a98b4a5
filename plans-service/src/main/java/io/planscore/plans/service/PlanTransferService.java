package io.planscore.plans.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.planscore.plans.document.DocumentJson;
import io.planscore.plans.document.DocumentValidator;
import io.planscore.plans.document.KpiTable;
import io.planscore.plans.document.TableFormats;
import io.planscore.plans.document.ValidationReport;
import io.planscore.platform.problem.FieldError;
import io.planscore.platform.problem.Problem;
import io.planscore.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Import of plan documents (JSON) and KPI tables (CSV, XLSX), and export in the three forms. JSON
 * export is the stored document byte for byte, so exporting and importing it gives the same document.
 */
@ApplicationScoped
@Transactional
public class PlanTransferService {

    private final PlanService plans;
    private final DocumentJson json;
    private final DocumentValidator validator;

    public PlanTransferService(PlanService plans, DocumentJson json, DocumentValidator validator) {
        this.plans = plans;
        this.json = json;
        this.validator = validator;
    }

    public enum Format {
        JSON("application/json", "json"), CSV(TableFormats.CSV + "; charset=UTF-8", "csv"), XLSX(TableFormats.XLSX, "xlsx");

        public final String mediaType;
        public final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        public static Format of(String name) {
            for (Format format : values()) {
                if (format.extension.equalsIgnoreCase(name == null ? "json" : name.strip())) {
                    return format;
                }
            }
            throw ProblemException.badRequest("format must be json, csv or xlsx, not '" + name + "'.",
                    new FieldError("format", "UNKNOWN_VALUE", "format must be json, csv or xlsx."));
        }
    }

    public record Export(byte[] body, String mediaType, String fileName) {
    }

    /** One document, {@code {"plans": [...]}}, or an array of documents. */
    public Views.ImportResult importJson(JsonNode body, boolean draft, UUID agencyId, String principal) {
        List<JsonNode> documents = new ArrayList<>();
        if (body.isArray()) {
            body.forEach(documents::add);
        } else if (body.isObject() && !body.has("schema") && body.has("plans")) {
            JsonNode list = body.get("plans");
            if (!list.isArray()) {
                throw ProblemException.invalid(new FieldError("plans", "TYPE", "plans must be an array of plan documents."));
            }
            list.forEach(documents::add);
        } else {
            documents.add(body);
        }
        return plans.importAll(documents, draft, agencyId, principal);
    }

    /** A KPI table; {@code metadata} (title, agency, …) wins over the table's header block. */
    public Views.ImportResult importTable(List<List<String>> grid, Map<String, String> metadata, String sourceName,
                                          boolean draft, UUID agencyId, String principal) {
        KpiTable.Read read = KpiTable.read(grid, metadata, sourceName);
        List<FieldError> errors = new ArrayList<>(read.errors());
        if (read.document() != null && errors.isEmpty()) {
            ValidationReport report = validator.validate(read.document());
            errors.addAll(report.errors());
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(422, "invalid-plan-table", "The KPI table is not valid",
                    errors.size() + " problem" + (errors.size() == 1 ? "" : "s") + " in the table; nothing was stored. First: "
                            + errors.get(0).field() + ": " + errors.get(0).message(), errors));
        }
        return plans.importAll(List.of(read.document()), draft, agencyId, principal);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Export export(UUID planId, Integer version, Format format) {
        PlanService.StoredDocument stored = plans.document(planId, version);
        JsonNode document = json.parseStored(stored.text());
        String base = (document.hasNonNull("fixture_id") ? document.get("fixture_id").asText() : stored.planId().toString())
                .replaceAll("[^A-Za-z0-9._-]", "_") + "-v" + stored.version() + "." + format.extension;
        return switch (format) {
            case JSON -> new Export(stored.text().getBytes(StandardCharsets.UTF_8), format.mediaType, base);
            case CSV -> new Export(TableFormats.writeCsv(KpiTable.write(document)).getBytes(StandardCharsets.UTF_8),
                    format.mediaType, base);
            case XLSX -> new Export(TableFormats.writeXlsx(KpiTable.write(document)), format.mediaType, base);
        };
    }
}
