package io.planscore.platform.deadletter;

import org.eclipse.microprofile.config.Config;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dead-letter topics of this service's Kafka consumers and the topic each one's records came from, read
 * from the channels' configuration: every incoming channel with {@code failure-strategy=dead-letter-queue}.
 */
public final class DeadLetterTopics {

    private static final Pattern STRATEGY = Pattern.compile("mp\\.messaging\\.incoming\\.(.+)\\.failure-strategy");

    private DeadLetterTopics() {
    }

    /** Dead-letter topic to original topic, sorted by name. */
    public static Map<String, String> of(Config config) {
        Map<String, String> topics = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            Matcher matcher = STRATEGY.matcher(name);
            if (!matcher.matches()
                    || !"dead-letter-queue".equals(config.getOptionalValue(name, String.class).orElse(null))) {
                continue;
            }
            String channel = matcher.group(1);
            String prefix = "mp.messaging.incoming." + channel + ".";
            // SmallRye's defaults when a channel names no topic or no dead-letter topic
            String original = config.getOptionalValue(prefix + "topic", String.class).orElse(channel);
            String deadLetters = config.getOptionalValue(prefix + "dead-letter-queue.topic", String.class)
                    .orElse("dead-letter-topic-" + channel);
            topics.put(deadLetters, original);
        }
        return topics;
    }
}
