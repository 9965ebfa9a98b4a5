package io.planscore.plans.service;

import io.planscore.platform.problem.Bounds;
import io.planscore.plans.domain.Agency;
import io.planscore.plans.repository.AgencyRepository;
import io.planscore.platform.problem.FieldError;
import io.planscore.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Governments and their agencies. */
@ApplicationScoped
@Transactional
public class AgencyService {

    /** GET /api/v1/agencies: agencies per page, by default and at most. */
    public static final int MAX_PAGE_SIZE = 500;
    /** Agency names are titles, not documents. */
    static final int MAX_NAME = 500;

    private final AgencyRepository agencies;
    private final EntityManager entityManager;

    public AgencyService(AgencyRepository agencies, EntityManager entityManager) {
        this.agencies = agencies;
        this.entityManager = entityManager;
    }

    public record NewAgency(String name, String nameEn, UUID parentId) {
    }

    public Views.AgencyView create(NewAgency request, String principal) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null || request.name() == null || request.name().isBlank()) {
            errors.add(new FieldError("name", "REQUIRED", "name is required."));
        }
        if (request != null) {
            Bounds.checkText("name", request.name(), MAX_NAME, errors);
            Bounds.checkText("nameEn", request.nameEn(), MAX_NAME, errors);
        }
        if (request != null && request.parentId() != null && agencies.findByIdOptional(request.parentId()).isEmpty()) {
            errors.add(new FieldError("parentId", "UNKNOWN_AGENCY", "agency '" + request.parentId() + "' does not exist."));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The agency cannot be created.", errors);
        }
        return view(insert(request.name().strip(), blankToNull(request.nameEn()), request.parentId(), principal));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Views.AgencyView> list(PageRequest paging) {
        return new Page<>(agencies.pageOrdered(paging.page(), paging.size()).stream().map(AgencyService::view).toList(),
                agencies.count());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Views.AgencyView get(UUID id) {
        return view(require(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Agency require(UUID id) {
        return agencies.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Agency", id.toString()));
    }

    /**
     * The agency a plan document names ({@code plan.agency}), found by name or created under its
     * government ({@code plan.government}, itself found or created). Serialized per name by an advisory
     * lock, so concurrent imports of one city's plans create each agency once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Agency resolve(String name, String nameEn, String government, String principal) {
        UUID parentId = null;
        if (government != null && !government.isBlank() && !government.strip().equals(name.strip())) {
            lock(government.strip());
            Agency parent = agencies.findByName(government.strip(), null)
                    .orElseGet(() -> insert(government.strip(), null, null, principal));
            parentId = parent.id;
        }
        lock(name.strip());
        final UUID parent = parentId;
        return agencies.findByName(name.strip(), parent)
                .or(() -> agencies.findByName(name.strip(), null))
                .orElseGet(() -> insert(name.strip(), blankToNull(nameEn), parent, principal));
    }

    private void lock(String name) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "agency:" + name).getSingleResult();
    }

    private Agency insert(String name, String nameEn, UUID parentId, String principal) {
        Agency agency = new Agency();
        agency.id = UUID.randomUUID();
        agency.name = name;
        agency.nameEn = nameEn;
        agency.parentId = parentId;
        agency.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        agency.createdBy = principal;
        agencies.persist(agency);
        return agency;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static Views.AgencyView view(Agency agency) {
        return new Views.AgencyView(agency.id, agency.name, agency.nameEn, agency.parentId, agency.createdAt,
                agency.createdBy);
    }
}
