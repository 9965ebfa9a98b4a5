package io.planscore.plans.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.planscore.plans.document.DocumentDiff;
import io.planscore.plans.document.DocumentJson;
import io.planscore.plans.document.DocumentValidator;
import io.planscore.plans.document.PlanCounts;
import io.planscore.plans.document.PlanDocument;
import io.planscore.plans.document.TargetChanges;
import io.planscore.plans.document.ValidationReport;
import io.planscore.plans.document.ValidationWarning;
import io.planscore.plans.domain.Agency;
import io.planscore.plans.domain.IndicatorIndexEntry;
import io.planscore.plans.domain.Plan;
import io.planscore.plans.domain.PlanVersion;
import io.planscore.plans.events.PlanEventPublisher;
import io.planscore.plans.events.PlanVersionApproved;
import io.planscore.plans.repository.AgencyRepository;
import io.planscore.plans.repository.IndicatorIndexRepository;
import io.planscore.plans.repository.PlanRepository;
import io.planscore.plans.repository.PlanVersionRepository;
import io.planscore.platform.problem.FieldError;
import io.planscore.platform.problem.Problem;
import io.planscore.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Plans and their versions. A document is validated completely before anything is stored; version 1
 * (unless a draft) and every later approval publish {@code PlanVersionApproved} through the outbox in
 * the same transaction.
 */
@ApplicationScoped
@Transactional
public class PlanService {

    /** GET /api/v1/plans: plans per page, by default and at most. */
    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 200;
    /** GET /api/v1/plans/{id}/versions: versions per page, by default and at most. */
    public static final int MAX_VERSIONS_PAGE_SIZE = 500;

    private final DocumentJson json;
    private final DocumentValidator validator;
    private final AgencyService agencyService;
    private final AgencyRepository agencies;
    private final PlanRepository plans;
    private final PlanVersionRepository versions;
    private final IndicatorIndexRepository indicators;
    private final PlanEventPublisher events;
    private final EntityManager entityManager;
    private final int maxDocumentBytes;

    public PlanService(DocumentJson json, DocumentValidator validator, AgencyService agencyService,
                       AgencyRepository agencies, PlanRepository plans, PlanVersionRepository versions,
                       IndicatorIndexRepository indicators, PlanEventPublisher events, EntityManager entityManager,
                       @ConfigProperty(name = "planscore.plans.max-document-bytes", defaultValue = "900000") int maxDocumentBytes) {
        this.maxDocumentBytes = maxDocumentBytes;
        this.json = json;
        this.validator = validator;
        this.agencyService = agencyService;
        this.agencies = agencies;
        this.plans = plans;
        this.versions = versions;
        this.indicators = indicators;
        this.events = events;
        this.entityManager = entityManager;
    }

    // --- writing ---------------------------------------------------------------------------------

    /** Stores a new plan from a document: version 1, approved and published unless {@code draft}. */
    public Views.PlanView create(JsonNode document, boolean draft, UUID agencyId, String principal) {
        ValidationReport report = validateOrThrow(document, "");
        return store(document, report.warnings(), draft, agencyId, principal);
    }

    /**
     * Stores several plans at once, all or nothing: every document is validated first and all problems
     * of all documents are reported together, located by {@code plans[i].…}.
     */
    public Views.ImportResult importAll(List<JsonNode> documents, boolean draft, UUID agencyId, String principal) {
        if (documents.isEmpty()) {
            throw ProblemException.invalid(new FieldError("plans", "EMPTY", "There is no plan to import."));
        }
        List<FieldError> errors = new ArrayList<>();
        List<ValidationReport> reports = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            ValidationReport report = validate(documents.get(i));
            String prefix = documents.size() == 1 ? "" : "plans[" + i + "].";
            report.errors().forEach(e -> errors.add(prefixed(prefix, e)));
            reports.add(report);
        }
        if (agencyId != null) {
            agencyService.require(agencyId);
        }
        if (!errors.isEmpty()) {
            throw invalid(errors, documents.size());
        }
        List<Views.PlanView> stored = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            String prefix = documents.size() == 1 ? "" : "plans[" + i + "].";
            List<ValidationWarning> warnings = reports.get(i).warnings().stream()
                    .map(w -> new ValidationWarning(prefix + w.field(), w.code(), w.message(), w.expected(), w.actual()))
                    .toList();
            stored.add(store(documents.get(i), warnings, draft, agencyId, principal));
        }
        return new Views.ImportResult(stored.size(), stored);
    }

    /** A new draft version of an existing plan. */
    public Views.PlanView revise(UUID planId, JsonNode document, String principal) {
        ValidationReport report = validateOrThrow(document, "");
        Plan plan = plans.findForUpdate(planId).orElseThrow(() -> ProblemException.notFound("Plan", planId.toString()));
        PlanDocument typed = json.bind(document);
        int number = plan.latestVersion + 1;
        PlanVersion version = newVersion(plan.id, number, document, typed, principal);
        index(plan.id, number, typed, number - 1);
        plan.latestVersion = number;
        plan.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (plan.currentVersion == null) {
            header(plan, typed);
        }
        return view(plan, version, agencies.findById(plan.agencyId), report.warnings(), null, typed);
    }

    /**
     * Approves a draft: it becomes the version in force, the previous approved version is superseded,
     * and {@code PlanVersionApproved} is published. Lowering a target against the version in force needs
     * a justification.
     */
    public Views.PlanView approve(UUID planId, int number, String justification, String principal) {
        Plan plan = plans.findForUpdate(planId).orElseThrow(() -> ProblemException.notFound("Plan", planId.toString()));
        PlanVersion version = versions.find(planId, number)
                .orElseThrow(() -> ProblemException.notFound("Plan version", planId + " v" + number));
        if (!PlanVersion.DRAFT.equals(version.status)) {
            throw ProblemException.conflict("Version " + number + " is " + version.status + "; only a draft can be approved.");
        }
        if (plan.currentVersion != null && number < plan.currentVersion) {
            throw ProblemException.conflict("Version " + number + " is older than version " + plan.currentVersion
                    + ", which is in force; revise the plan again instead.");
        }
        JsonNode document = json.parseStored(version.documentText);
        PlanDocument typed = json.bind(document);
        String reason = justification == null || justification.isBlank() ? null : justification.strip();
        if (plan.currentVersion != null && reason == null) {
            PlanVersion inForce = versions.find(planId, plan.currentVersion).orElseThrow();
            List<TargetChanges.Lowered> lowered = TargetChanges.lowered(json.bind(json.parseStored(inForce.documentText)), typed);
            if (!lowered.isEmpty()) {
                List<FieldError> errors = lowered.stream()
                        .map(l -> new FieldError(l.path(), "TARGET_LOWERED", l.message(plan.currentVersion)))
                        .collect(Collectors.toCollection(ArrayList::new));
                errors.add(new FieldError("justification", "REQUIRED",
                        "Version " + number + " lowers " + lowered.size() + " target(s) of version " + plan.currentVersion
                                + "; approving it needs a justification."));
                throw ProblemException.invalid("Version " + number + " lowers " + lowered.size()
                        + " target(s) against the version in force; give a justification.", errors);
            }
        }
        version.justification = reason;
        Agency agency = agencies.findById(plan.agencyId);
        approveVersion(plan, version, agency, document, typed, principal);
        return view(plan, version, agency, List.of(), null);
    }

    private Views.PlanView store(JsonNode document, List<ValidationWarning> warnings, boolean draft, UUID agencyId,
                                 String principal) {
        PlanDocument typed = json.bind(document);
        Agency agency = agencyId != null ? agencyService.require(agencyId)
                : agencyService.resolve(typed.plan().agency(), typed.plan().agencyEn(), typed.plan().government(), principal);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Plan plan = new Plan();
        plan.id = UUID.randomUUID();
        plan.agencyId = agency.id;
        plan.latestVersion = 1;
        plan.createdAt = now;
        plan.createdBy = principal;
        plan.updatedAt = now;
        header(plan, typed);
        plans.persist(plan);
        PlanVersion version = newVersion(plan.id, 1, document, typed, principal);
        index(plan.id, 1, typed, 0);
        if (!draft) {
            approveVersion(plan, version, agency, document, typed, principal);
        }
        return view(plan, version, agency, warnings, null);
    }

    private PlanVersion newVersion(UUID planId, int number, JsonNode document, PlanDocument typed, String principal) {
        PlanVersion version = new PlanVersion();
        version.planId = planId;
        version.version = number;
        version.status = PlanVersion.DRAFT;
        version.documentText = json.write(document);
        version.document = version.documentText;
        version.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        version.createdBy = principal;
        version.setCounts(PlanCounts.of(typed));
        versions.persist(version);
        return version;
    }

    private void approveVersion(Plan plan, PlanVersion version, Agency agency, JsonNode document, PlanDocument typed,
                                String principal) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (plan.currentVersion != null) {
            versions.find(plan.id, plan.currentVersion).ifPresent(previous -> {
                previous.status = PlanVersion.SUPERSEDED;
                previous.supersededAt = now;
            });
        }
        version.status = PlanVersion.APPROVED;
        version.approvedAt = now;
        version.approvedBy = principal;
        plan.currentVersion = version.version;
        plan.updatedAt = now;
        header(plan, typed);
        events.versionApproved(new PlanVersionApproved(plan.id, version.version, agency.id, agency.name, now,
                principal, document));
    }

    /** The plan row mirrors the document in force (or the first draft while none is). */
    private static void header(Plan plan, PlanDocument typed) {
        PlanDocument.Header header = typed.plan();
        plan.title = header.title();
        plan.kind = header.kind();
        plan.fixtureId = typed.fixtureId();
        PlanDocument.Period period = header.period();
        plan.rocStart = period.rocStart();
        plan.rocEnd = period.rocEnd();
        plan.adStart = period.adStart();
        plan.adEnd = period.adEnd();
    }

    /** Indicator rows of one version; an indicator keeps the lineage of the same id in {@code previous}. */
    private void index(UUID planId, int number, PlanDocument typed, int previous) {
        Map<String, UUID> lineage = new HashMap<>();
        if (previous > 0) {
            for (IndicatorIndexEntry entry : indicators.listForVersion(planId, previous)) {
                lineage.put(entry.indicatorId, entry.lineageId);
            }
        }
        for (PlanDocument.Goal goal : typed.goalsOrEmpty()) {
            for (PlanDocument.Indicator indicator : goal.indicatorsOrEmpty()) {
                IndicatorIndexEntry entry = new IndicatorIndexEntry();
                entry.planId = planId;
                entry.version = number;
                entry.indicatorId = indicator.id();
                entry.lineageId = lineage.getOrDefault(indicator.id(), UUID.randomUUID());
                entry.goalId = goal.id();
                entry.kind = indicator.kind();
                entry.name = indicator.name();
                entry.nameEn = indicator.nameEn();
                entry.measurementStandard = indicator.measurementStandard();
                entry.unit = indicator.unit();
                indicators.persist(entry);
            }
        }
    }

    // --- reading ---------------------------------------------------------------------------------

    /** A plan with its document: the version asked for, else the approved one in force, else the latest. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Views.PlanView get(UUID planId, Integer number) {
        Plan plan = requirePlan(planId);
        PlanVersion version = version(plan, number);
        JsonNode document = json.parseStored(version.documentText);
        return view(plan, version, agencies.findById(plan.agencyId), null, document, json.bind(document));
    }

    /** The stored document text of a version, exactly as export returns it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public StoredDocument document(UUID planId, Integer number) {
        Plan plan = requirePlan(planId);
        PlanVersion version = version(plan, number);
        return new StoredDocument(plan.id, version.version, version.documentText);
    }

    public record StoredDocument(UUID planId, int version, String text) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Views.VersionView> versions(UUID planId, PageRequest paging) {
        requirePlan(planId);
        List<Views.VersionView> items = versions.pageForPlan(planId, paging.page(), paging.size()).stream()
                .map(v -> new Views.VersionView(v.version, v.status, v.createdAt, v.createdBy, v.approvedAt,
                        v.approvedBy, v.supersededAt, v.justification, v.counts()))
                .toList();
        return new Page<>(items, versions.countForPlan(planId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Views.DiffView diff(UUID planId, int from, int to) {
        requirePlan(planId);
        PlanVersion a = versions.find(planId, from)
                .orElseThrow(() -> ProblemException.notFound("Plan version", planId + " v" + from));
        PlanVersion b = versions.find(planId, to)
                .orElseThrow(() -> ProblemException.notFound("Plan version", planId + " v" + to));
        List<Views.Change> changes = DocumentDiff.diff(json.parseStored(a.documentText), json.parseStored(b.documentText))
                .stream().map(c -> new Views.Change(c.path(), c.op(), c.from(), c.to())).toList();
        return new Views.DiffView(planId, from, to, changes.size(), changes);
    }

    public record PlanQuery(String agency, Integer year, String kind, String q, String fixtureId, PageRequest paging) {
    }

    /**
     * Plans filtered by agency (id, or a part of its name), year (AD, or ROC below 1912) inside the
     * plan period, kind, and {@code q}: a part of the title or of an indicator's name (zh-TW or English)
     * or measurement standard in the version shown, and {@code fixtureId} (exact), which lets a loader
     * skip plans it has already imported.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Views.PlanPage list(PlanQuery query) {
        int size = query.paging().size();
        int page = query.paging().page();
        StringBuilder where = new StringBuilder(" FROM plan p JOIN agency a ON a.id = p.agency_id WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (query.agency() != null && !query.agency().isBlank()) {
            String agency = query.agency().strip();
            UUID agencyId = parseUuid(agency);
            if (agencyId != null) {
                where.append(" AND (p.agency_id = :agencyId OR a.parent_id = :agencyId)");
                params.put("agencyId", agencyId);
            } else {
                where.append(" AND (a.name ILIKE :agencyName ESCAPE '\\' OR a.name_en ILIKE :agencyName ESCAPE '\\')");
                params.put("agencyName", like(agency));
            }
        }
        if (query.year() != null) {
            int year = query.year() < 1912 ? query.year() + 1911 : query.year();
            where.append(" AND p.ad_start <= :year AND p.ad_end >= :year");
            params.put("year", year);
        }
        if (query.kind() != null && !query.kind().isBlank()) {
            where.append(" AND p.kind = :kind");
            params.put("kind", query.kind().strip());
        }
        if (query.fixtureId() != null && !query.fixtureId().isBlank()) {
            where.append(" AND p.fixture_id = :fixtureId");
            params.put("fixtureId", query.fixtureId().strip());
        }
        if (query.q() != null && !query.q().isBlank()) {
            where.append(" AND (p.title ILIKE :q ESCAPE '\\' OR EXISTS (SELECT 1 FROM indicator_index i"
                    + " WHERE i.plan_id = p.id AND i.version = COALESCE(p.current_version, p.latest_version)"
                    + " AND (i.name ILIKE :q ESCAPE '\\' OR i.name_en ILIKE :q ESCAPE '\\'"
                    + " OR i.measurement_standard ILIKE :q ESCAPE '\\')))");
            params.put("q", like(query.q().strip()));
        }
        Query count = entityManager.createNativeQuery("SELECT count(*)" + where);
        params.forEach(count::setParameter);
        long total = ((Number) count.getSingleResult()).longValue();
        Query select = entityManager.createNativeQuery("SELECT CAST(p.id AS text)" + where
                + " ORDER BY p.ad_start DESC NULLS LAST, a.name, p.title, p.id LIMIT :limit OFFSET :offset");
        params.forEach(select::setParameter);
        select.setParameter("limit", size);
        select.setParameter("offset", query.paging().offset());
        @SuppressWarnings("unchecked")
        List<Object> ids = select.getResultList();
        List<Views.PlanView> items = new ArrayList<>();
        for (Object id : ids) {
            Plan plan = plans.findById(UUID.fromString(id.toString()));
            items.add(view(plan, version(plan, null), agencies.findById(plan.agencyId), null, null));
        }
        return new Views.PlanPage(items, page, size, total);
    }

    // --- helpers ---------------------------------------------------------------------------------

    /**
     * The validator's report, plus a size check: an approved version travels whole in one Kafka record
     * (the broker's default limit is 1 MB), so a document that could never be published is refused now.
     */
    private ValidationReport validate(JsonNode document) {
        ValidationReport report = validator.validate(document);
        if (!report.valid()) {
            // refused anyway, and perhaps not even writable (1e10000): the size is checked once the rest is valid
            return report;
        }
        int bytes = json.write(document).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes <= maxDocumentBytes) {
            return report;
        }
        List<FieldError> errors = new ArrayList<>(report.errors());
        errors.add(new FieldError("$", "DOCUMENT_TOO_LARGE", "The document is " + bytes + " bytes; at most "
                + maxDocumentBytes + " fit in one PlanVersionApproved event."));
        return new ValidationReport(errors, report.warnings());
    }

    private ValidationReport validateOrThrow(JsonNode document, String prefix) {
        ValidationReport report = validate(document);
        if (!report.valid()) {
            throw invalid(report.errors().stream().map(e -> prefixed(prefix, e)).toList(), 1);
        }
        return report;
    }

    private static ProblemException invalid(List<FieldError> errors, int documents) {
        String detail = errors.size() + " problem" + (errors.size() == 1 ? "" : "s") + " in the plan document"
                + (documents == 1 ? "" : "s") + "; nothing was stored. First: " + errors.get(0).field() + ": "
                + errors.get(0).message();
        return new ProblemException(Problem.of(422, "invalid-plan-document", "The plan document is not valid",
                detail, errors));
    }

    private static FieldError prefixed(String prefix, FieldError error) {
        if (prefix.isEmpty()) {
            return error;
        }
        return new FieldError("$".equals(error.field()) ? prefix.substring(0, prefix.length() - 1) : prefix + error.field(),
                error.code(), error.message());
    }

    private Plan requirePlan(UUID planId) {
        return plans.findByIdOptional(planId).orElseThrow(() -> ProblemException.notFound("Plan", planId.toString()));
    }

    private PlanVersion version(Plan plan, Integer number) {
        int wanted = number != null ? number : plan.currentVersion != null ? plan.currentVersion : plan.latestVersion;
        return versions.find(plan.id, wanted)
                .orElseThrow(() -> ProblemException.notFound("Plan version", plan.id + " v" + wanted));
    }

    private static Views.PlanView view(Plan plan, PlanVersion version, Agency agency, List<ValidationWarning> warnings,
                                       JsonNode document) {
        return view(plan, version, agency, warnings, document, null);
    }

    /** {@code typed}, when given, supplies the title, kind and period of that version (a draft may change them). */
    private static Views.PlanView view(Plan plan, PlanVersion version, Agency agency, List<ValidationWarning> warnings,
                                       JsonNode document, PlanDocument typed) {
        String title = plan.title;
        String kind = plan.kind;
        String fixtureId = plan.fixtureId;
        Views.PeriodView period = new Views.PeriodView(plan.rocStart, plan.rocEnd, plan.adStart, plan.adEnd);
        if (typed != null) {
            title = typed.plan().title();
            kind = typed.plan().kind();
            fixtureId = typed.fixtureId();
            PlanDocument.Period p = typed.plan().period();
            period = new Views.PeriodView(p.rocStart(), p.rocEnd(), p.adStart(), p.adEnd());
        }
        return new Views.PlanView(plan.id, version.version, version.status, plan.agencyId,
                agency == null ? null : agency.name, title, kind, fixtureId, period,
                plan.currentVersion, plan.latestVersion, version.createdAt, version.createdBy, version.approvedAt,
                version.approvedBy, version.justification, version.counts(), warnings, document);
    }

    private static UUID parseUuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String like(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
