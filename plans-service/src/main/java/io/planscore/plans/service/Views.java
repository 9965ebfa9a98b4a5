package io.planscore.plans.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.planscore.plans.document.PlanCounts;
import io.planscore.plans.document.ValidationWarning;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The JSON bodies the plans API answers with. */
public final class Views {

    private Views() {
    }

    public record AgencyView(UUID id, String name, String nameEn, UUID parentId, Instant createdAt, String createdBy) {
    }

    public record PeriodView(Integer rocStart, Integer rocEnd, Integer adStart, Integer adEnd) {
    }

    /** A plan at one version; {@code document} only on the single-plan read, {@code warnings} only on writes. */
    public record PlanView(
            UUID id,
            int version,
            String status,
            UUID agencyId,
            String agencyName,
            String title,
            String kind,
            String fixtureId,
            PeriodView period,
            Integer currentVersion,
            int latestVersion,
            Instant createdAt,
            String createdBy,
            Instant approvedAt,
            String approvedBy,
            String justification,
            PlanCounts counts,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<ValidationWarning> warnings,
            @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode document) {
    }

    public record VersionView(
            int version,
            String status,
            Instant createdAt,
            String createdBy,
            Instant approvedAt,
            String approvedBy,
            Instant supersededAt,
            String justification,
            PlanCounts counts) {
    }

    public record PlanPage(List<PlanView> items, int page, int size, long total) {
    }

    /** One difference between two versions: {@code op} is added, removed or changed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Change(String path, String op, JsonNode from, JsonNode to) {
    }

    public record DiffView(UUID planId, int from, int to, int changeCount, List<Change> changes) {
    }

    public record ImportResult(int imported, List<PlanView> plans) {
    }
}
