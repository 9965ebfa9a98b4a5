package io.planscore.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
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

    /** {@link #firstDelivery} for a whole poll of records in one statement: the ids seen for the first time. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> firstDeliveries(Collection<UUID> eventIds, String consumer) {
        Set<UUID> first = new HashSet<>();
        if (eventIds.isEmpty()) {
            return first;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            Array ids = connection.createArrayOf("uuid", eventIds.toArray());
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO inbox_processed_event (event_id, consumer, processed_at)
                    SELECT id, ?, now() FROM unnest(?) AS t(id)
                    ON CONFLICT DO NOTHING RETURNING event_id""")) {
                insert.setString(1, consumer);
                insert.setArray(2, ids);
                try (ResultSet rs = insert.executeQuery()) {
                    while (rs.next()) {
                        first.add(rs.getObject(1, UUID.class));
                    }
                }
            }
        });
        return first;
    }
}
