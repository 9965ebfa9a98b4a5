package io.planscore.engine.indicator;

import java.util.function.Supplier;

/** A value computed on first use, so an input read twice is derived (and traced) once. */
final class Memo<T> {

    private final Supplier<T> supplier;
    private T value;
    private boolean computed;

    Memo(Supplier<T> supplier) {
        this.supplier = supplier;
    }

    T get() {
        if (!computed) {
            value = supplier.get();
            computed = true;
        }
        return value;
    }

    boolean isComputed() {
        return computed;
    }
}
