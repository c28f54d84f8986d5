package org.wardnet.server.http;

/** Stops handling a request and answers the {@link Problem} it carries. */
public final class ApiException extends RuntimeException {

    private final Problem problem;

    public ApiException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
