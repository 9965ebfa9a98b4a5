package io.planscore.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * Makes a Kafka consumer idempotent: the event id is recorded in the same transaction as the
 * consumer's effect, so a redelivered event (after a crash or a rebalance) is recognised and skipped.
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager entityManager;

    public Inbox(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** True the first time {@code consumer} sees {@code eventId}; false for every redelivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(UUID eventId, String consumer) {
        return entityManager.createNativeQuery("""
                        INSERT INTO inbox_processed_event (event_id, consumer, processed_at)
                        VALUES (?1, ?2, now()) ON CONFLICT DO NOTHING""")
                .setParameter(1, eventId)
                .setParameter(2, consumer)
                .executeUpdate() == 1;
    }
}
