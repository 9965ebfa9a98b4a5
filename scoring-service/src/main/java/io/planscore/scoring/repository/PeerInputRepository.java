package io.planscore.scoring.repository;

import io.planscore.scoring.domain.PeerInput;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PeerInputRepository implements PanacheRepositoryBase<PeerInput, UUID> {

    public List<PeerInput> ofPlan(String planId) {
        return list("planId = ?1 ORDER BY inputSeq", planId);
    }
}
