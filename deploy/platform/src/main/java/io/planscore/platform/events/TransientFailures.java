package io.planscore.platform.events;

import io.planscore.platform.problem.DependencyUnavailableException;
import io.planscore.platform.problem.ProblemException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import jakarta.transaction.RollbackException;
import org.apache.kafka.common.errors.RetriableException;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Which consumer failures may pass if the same records are tried again. The whole cause chain is looked at,
 * because Hibernate, Agroal and Narayana wrap the JDBC or broker failure that matters.
 */
public final class TransientFailures {

    /**
     * PostgreSQL SQLSTATEs that say "try again": serialization failure, deadlock, lock not available, statement
     * timeout (query_canceled), administrator/crash shutdown, cannot connect now. Class 08 (connection) and 53
     * (insufficient resources, e.g. too many connections) are transient as a whole.
     */
    private static final Set<String> STATES = Set.of("40001", "40P01", "55P03", "57014", "57P01", "57P02", "57P03");

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        if (chain.stream().anyMatch(t -> t instanceof MalformedEventException || t instanceof ProblemException)) {
            return false; // the same records fail the same way however often they are tried
        }
        for (Throwable t : chain) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return transientState(sql.getSQLState()); // the database said why: that decides
            }
        }
        return chain.stream().anyMatch(t -> t instanceof SQLTransientException || t instanceof SQLRecoverableException
                || t instanceof LockTimeoutException || t instanceof PessimisticLockException
                || t instanceof QueryTimeoutException
                // a commit refused without an SQL error: the transaction timed out (e.g. behind a lock)
                || t instanceof RollbackException
                || t instanceof RetriableException || t instanceof TimeoutException
                || t instanceof DependencyUnavailableException
                || t instanceof SocketTimeoutException || t instanceof ConnectException);
    }

    private static boolean transientState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("53") || STATES.contains(state));
    }

    /**
     * The root cause's message (the database's or the broker's own words), at most 500 characters: the wrappers'
     * messages repeat whole SQL statements.
     */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : String.valueOf(failure.getMessage());
        return message.length() <= 500 ? message : message.substring(0, 500) + "…";
    }
}
