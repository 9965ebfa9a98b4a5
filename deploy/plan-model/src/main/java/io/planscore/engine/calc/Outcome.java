package io.planscore.engine.calc;

import io.planscore.engine.Flag;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** The result of judging an indicator by its target or its rule, before clamping and roll-up. */
public sealed interface Outcome {

    Set<Flag> flags();

    /**
     * Scored with an unclamped achievement; {@code met} says whether the comparator holds. A point rule also
     * gives its points and maximum ({@code null} otherwise).
     */
    record Scored(BigDecimal achievement, boolean met, BigDecimal points, BigDecimal maxPoints, Set<Flag> flags)
            implements Outcome {
        public Scored {
            flags = enumSet(flags);
        }

        public Scored withFlags(Collection<Flag> more) {
            EnumSet<Flag> all = EnumSet.noneOf(Flag.class);
            all.addAll(flags);
            all.addAll(more);
            return new Scored(achievement, met, points, maxPoints, all);
        }
    }

    /** A target exists but an input is not there yet. */
    record Pending(Set<Flag> flags) implements Outcome {
        public Pending {
            flags = enumSet(flags);
        }
    }

    record NotScored(Flag reason) implements Outcome {
        @Override
        public Set<Flag> flags() {
            return Set.of(reason);
        }
    }

    static Scored achieved(BigDecimal achievement, boolean met) {
        return new Scored(achievement, met, null, null, Set.of());
    }

    /** A point rule's result: the achievement is points / maxPoints (§3), met only at full points. */
    static Scored earned(BigDecimal points, BigDecimal maxPoints) {
        return new Scored(Decimals.divide(points, maxPoints), Decimals.atLeast(points, maxPoints), points,
                maxPoints, Set.of());
    }

    static Pending pending(Flag... flags) {
        return new Pending(Set.of(flags));
    }

    static NotScored notScored(Flag reason) {
        return new NotScored(reason);
    }

    private static Set<Flag> enumSet(Set<Flag> flags) {
        return flags.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(flags));
    }
}
