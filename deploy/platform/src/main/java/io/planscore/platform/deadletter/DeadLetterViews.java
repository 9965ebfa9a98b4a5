package io.planscore.platform.deadletter;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** The bodies of the dead-letter admin endpoints. */
public final class DeadLetterViews {

    private DeadLetterViews() {
    }

    @Schema(description = "One page of the dead letters of each dead-letter topic (the same page of every topic)")
    public record Listing(int page, int size, List<TopicPage> topics) {
    }

    @Schema(description = "A dead-letter topic: how many records it holds, how many were re-driven, and one page of them")
    public record TopicPage(
            String topic,
            @Schema(description = "Where its records came from and where a redrive sends them") String originalTopic,
            @Schema(description = "The service whose consumer dead-lettered them") String service,
            @Schema(description = "Records held (all partitions)") long total,
            @Schema(description = "Records already re-driven (the redrive group's committed offsets)") long redriven,
            @Schema(description = "Records a redrive would send now") long pending,
            @Schema(description = "Ordered by partition, then offset") List<DeadLetter> records) {
    }

    @Schema(description = "A dead letter: the original record with why it was given up")
    public record DeadLetter(
            int partition,
            long offset,
            @Schema(description = "When it was dead-lettered") Instant timestamp,
            String key,
            String originalTopic,
            Integer originalPartition,
            Long originalOffset,
            @Schema(description = "The failure (`dead-letter-reason`), at most 1,000 characters") String reason,
            @Schema(description = "Its cause (`dead-letter-cause`), if any, at most 1,000 characters") String cause,
            @Schema(description = "True once a redrive has sent it back to the original topic") boolean redriven,
            @Schema(description = "Size of the record's value in bytes") int valueBytes,
            @Schema(description = "The value as UTF-8 text, at most 2,000 characters") String value,
            boolean valueTruncated) {
    }

    @Schema(description = "What a redrive did")
    public record Redrive(
            String topic,
            String originalTopic,
            @Schema(description = "Records sent back to the original topic by this call") long resent,
            @Schema(description = "Records re-driven so far, by this call and earlier ones") long redriven,
            @Schema(description = "Records the topic holds") long total) {
    }
}
