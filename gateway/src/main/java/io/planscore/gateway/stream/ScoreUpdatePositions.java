package io.planscore.gateway.stream;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;

/**
 * Where a replica starts reading the score topic: each partition right after the last offset in the
 * shared log, whichever replica logged it (a replica reads a partition in order, so everything before
 * that offset is logged too). A replica's consumer group is its own and new at every start, so without
 * this it would re-read the whole topic; a partition with nothing logged starts at the earliest record.
 */
@ApplicationScoped
@Identifier(ScoreUpdatePositions.NAME)
public class ScoreUpdatePositions implements KafkaConsumerRebalanceListener {

    static final String NAME = "score-update-positions";

    private final ScoreUpdateLog log;

    public ScoreUpdatePositions(ScoreUpdateLog log) {
        this.log = log;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            log.nextOffset(partition.partition()).ifPresent(offset -> consumer.seek(partition, offset));
        }
    }
}
