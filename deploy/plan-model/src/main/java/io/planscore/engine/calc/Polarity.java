package io.planscore.engine.calc;

/** Which direction is better for an indicator; decides the comparator when a target prints none. */
public enum Polarity {
    HIGHER_IS_BETTER(Relation.AT_LEAST),
    LOWER_IS_BETTER(Relation.AT_MOST),
    BAND(Relation.EQUAL);

    private final Relation defaultRelation;

    Polarity(Relation defaultRelation) {
        this.defaultRelation = defaultRelation;
    }

    public Relation defaultRelation() {
        return defaultRelation;
    }

    public boolean lowerIsBetter() {
        return this == LOWER_IS_BETTER;
    }
}
