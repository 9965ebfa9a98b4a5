package io.planscore.model;

/** A scoring rule in a plan document that cannot be turned into an engine rule. */
final class UnsupportedRuleException extends RuntimeException {
    UnsupportedRuleException(String message) {
        super(message);
    }
}
