package io.planscore.platform.problem;

import java.util.List;

/** Thrown by services to answer with a problem+json; nothing of the request has been stored. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title() + ": " + problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(Problem.of(404, "not-found", what + " not found",
                what + " '" + id + "' does not exist.", List.of()));
    }

    public static ProblemException invalid(String detail, List<FieldError> errors) {
        return new ProblemException(Problem.of(422, "validation", "The request is not valid", detail, errors));
    }

    public static ProblemException invalid(FieldError error) {
        return invalid(error.message(), List.of(error));
    }

    public static ProblemException badRequest(String detail, FieldError error) {
        return new ProblemException(Problem.of(400, "bad-request", "The request cannot be read", detail,
                error == null ? List.of() : List.of(error)));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "conflict", "The request conflicts with the current state",
                detail, List.of()));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "forbidden", "Not allowed", detail, List.of()));
    }
}
