package io.planscore.engine.target;

import io.planscore.engine.Flag;
import io.planscore.engine.calc.Achievements;
import io.planscore.engine.calc.Decimals;
import io.planscore.engine.calc.Derivation;
import io.planscore.engine.calc.Direction;
import io.planscore.engine.calc.Inputs;
import io.planscore.engine.calc.Outcome;
import io.planscore.engine.calc.Polarity;
import io.planscore.engine.calc.Relation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import static io.planscore.engine.calc.Decimals.format;

/** A target for one year, in one of the forms of §1/§3, with the cell as printed ({@code raw}). */
public sealed interface TargetSpec {

    String raw();

    /** The form's name in the scorecard: numeric, band, versus_baseline, milestone, compound, external, text, ... */
    String form();

    String describe(Polarity polarity);

    /** The achievement per §3, unclamped. */
    Outcome judge(Inputs in, Derivation trace);

    /** The numeric target value this year, when the form has one. */
    default Optional<BigDecimal> value(Inputs in) {
        return Optional.empty();
    }

    private static String withUnit(BigDecimal value, String unit) {
        return format(value) + (unit == null ? "" : " " + unit);
    }

    /** A number with a comparator; a null relation means the indicator's polarity decides. */
    record Numeric(Relation relation, BigDecimal value, String unit, String raw) implements TargetSpec {
        public String form() {
            return "numeric";
        }

        public String describe(Polarity polarity) {
            return relationFor(polarity).symbol() + " " + withUnit(value, unit);
        }

        public Outcome judge(Inputs in, Derivation trace) {
            return Achievements.versusTarget(in.value(), relationFor(in.polarity()), value, in.cap(), trace);
        }

        public Optional<BigDecimal> value(Inputs in) {
            return Optional.of(value);
        }

        private Relation relationFor(Polarity polarity) {
            return relation != null ? relation : polarity.defaultRelation();
        }
    }

    /** {@code between} min and max. */
    record Band(BigDecimal min, BigDecimal max, String unit, String raw) implements TargetSpec {
        public Band {
            if (min.compareTo(max) > 0) {
                throw new IllegalArgumentException("band minimum " + min + " is above its maximum " + max);
            }
        }

        public String form() {
            return "band";
        }

        public String describe(Polarity polarity) {
            return "between " + format(min) + " and " + withUnit(max, unit);
        }

        public Outcome judge(Inputs in, Derivation trace) {
            return Achievements.inBand(in.value(), min, max, trace);
        }
    }

    /** ↑ or ↓ against the indicator's baseline. */
    record VersusBaseline(Direction direction, String raw) implements TargetSpec {
        public String form() {
            return "versus_baseline";
        }

        public String describe(Polarity polarity) {
            return direction == Direction.INCREASE ? "above the baseline (↑)" : "below the baseline (↓)";
        }

        public Outcome judge(Inputs in, Derivation trace) {
            Optional<BigDecimal> baseline = in.baseline();
            if (baseline.isEmpty()) {
                return Outcome.notScored(Flag.NO_BASELINE);
            }
            return Achievements.versusBaseline(in.value(), direction, baseline.get(), trace);
        }

        public Optional<BigDecimal> value(Inputs in) {
            return in.baseline();
        }
    }

    /** Progress % reached by a date; judged like higher is better on the progress (100 % when unstated). */
    record Milestone(BigDecimal progress, String deadline, String raw) implements TargetSpec {
        public Milestone {
            progress = Objects.requireNonNullElse(progress, Decimals.HUNDRED);
        }

        public String form() {
            return "milestone";
        }

        public String describe(Polarity polarity) {
            return "progress ≥ " + format(progress) + " %" + (deadline == null ? "" : " by " + deadline);
        }

        public Outcome judge(Inputs in, Derivation trace) {
            return Achievements.versusTarget(in.value(), Relation.AT_LEAST, progress, in.cap(), trace);
        }

        public Optional<BigDecimal> value(Inputs in) {
            return Optional.of(progress);
        }
    }

    /** Several parts that must all hold; each is measured by its own component symbol. */
    record Compound(List<Part> parts, String raw) implements TargetSpec {
        public Compound {
            parts = List.copyOf(parts);
            if (parts.isEmpty()) {
                throw new IllegalArgumentException("a compound target needs at least one part");
            }
        }

        public record Part(String component, String label, Relation relation, BigDecimal value, String unit) {
            Relation relationFor(Polarity polarity) {
                return relation != null ? relation : polarity.defaultRelation();
            }
        }

        public String form() {
            return "compound";
        }

        public String describe(Polarity polarity) {
            return "all of: " + parts.stream()
                    .map(p -> p.component() + " " + (p.label() == null ? "" : p.label() + " ")
                            + p.relationFor(polarity).symbol() + " " + withUnit(p.value(), p.unit()))
                    .collect(Collectors.joining("; "));
        }

        /** The minimum of the parts' achievements; met only when every part holds. */
        public Outcome judge(Inputs in, Derivation trace) {
            List<BigDecimal> achievements = new ArrayList<>();
            boolean met = true;
            boolean pending = false;
            for (Part part : parts) {
                Outcome outcome = Achievements.versusTarget(in.component(part.component()),
                        part.relationFor(in.polarity()), part.value(), in.cap(), trace.prefixed(part.component() + ": "));
                if (outcome instanceof Outcome.NotScored) {
                    return outcome;
                }
                if (outcome instanceof Outcome.Scored scored) {
                    achievements.add(scored.achievement());
                    met &= scored.met();
                } else {
                    pending = true;
                }
            }
            if (pending) {
                return Outcome.pending();
            }
            BigDecimal lowest = achievements.stream().reduce(Decimals::min).orElseThrow();
            trace.add("achievement = min(" + achievements.stream().map(Decimals::format)
                    .collect(Collectors.joining(", ")) + ") = " + format(lowest));
            return Outcome.achieved(lowest, met);
        }
    }

    /** A target another authority sets later; an administrator supplies the value. */
    record External(Relation relation, String unit, String raw) implements TargetSpec {
        public String form() {
            return "external";
        }

        public String describe(Polarity polarity) {
            return relationFor(polarity).symbol() + " a value set by another authority";
        }

        public Outcome judge(Inputs in, Derivation trace) {
            Optional<BigDecimal> target = in.externalTarget();
            if (target.isEmpty()) {
                return Outcome.notScored(Flag.EXTERNAL_TARGET_PENDING);
            }
            trace.add("external target supplied = " + withUnit(target.get(), unit));
            return Achievements.versusTarget(in.value(), relationFor(in.polarity()), target.get(), in.cap(), trace);
        }

        public Optional<BigDecimal> value(Inputs in) {
            return in.externalTarget();
        }

        private Relation relationFor(Polarity polarity) {
            return relation != null ? relation : polarity.defaultRelation();
        }
    }

    /** Not machine-checkable: scored only by an administrator's verdict (the achievement awarded). */
    record Text(String raw) implements TargetSpec {
        public String form() {
            return "text";
        }

        public String describe(Polarity polarity) {
            return "administrator's verdict";
        }

        public Outcome judge(Inputs in, Derivation trace) {
            Optional<BigDecimal> verdict = in.verdict();
            if (verdict.isEmpty()) {
                return Outcome.notScored(Flag.AWAITING_VERDICT);
            }
            trace.add("achievement = administrator's verdict = " + format(verdict.get()));
            return Outcome.achieved(verdict.get(), Decimals.atLeast(verdict.get(), BigDecimal.ONE));
        }
    }

    /** No target this year ("-"), a target the source lost, or one the engine cannot read. */
    record Unscorable(Flag reason, String raw) implements TargetSpec {
        public String form() {
            return switch (reason) {
                case NO_TARGET -> "none";
                case TARGET_MISSING -> "missing";
                default -> "unsupported";
            };
        }

        public String describe(Polarity polarity) {
            return switch (reason) {
                case NO_TARGET -> "no target this year";
                case TARGET_MISSING -> "target lost in the source";
                case UNSUPPORTED_RULE -> "scoring rule not machine-checkable";
                default -> "target not machine-checkable";
            };
        }

        public Outcome judge(Inputs in, Derivation trace) {
            return Outcome.notScored(reason);
        }
    }
}
