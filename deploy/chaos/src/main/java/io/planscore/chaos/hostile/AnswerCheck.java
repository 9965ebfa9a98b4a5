package io.planscore.chaos.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules every answer is held to: 2xx, or 4xx as application/problem+json; never a 5xx, another status or no
 * answer; no error body that shows a stack trace, SQL or a database message, a Java class name, or a secret the
 * platform holds.
 */
final class AnswerCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STACK_TRACE = Pattern.compile("\\bat [\\w$.]+\\([\\w$]+\\.java:\\d+\\)|\\n\\s+at [\\w$.]+\\(");
    private static final Pattern JAVA_CLASS = Pattern.compile(
            "\\b(java|javax|jakarta|sun|io\\.planscore|io\\.quarkus|io\\.vertx|io\\.smallrye|io\\.netty|org\\.hibernate"
                    + "|org\\.postgresql|org\\.jboss|org\\.apache|org\\.eclipse|com\\.fasterxml)\\.[a-z][\\w$]*(\\.[\\w$]+)+"
                    + "|\\b\\w+(Exception|Error)\\b(?!s)");
    private static final Pattern DATABASE = Pattern.compile(
            "SQLState|SQL state|PSQLException|org\\.postgresql|syntax error at or near|relation \"|violates "
                    + "(unique|foreign key|check|not-null) constraint|ERROR: |duplicate key value|jdbc:|Hibernate|could not "
                    + "execute (statement|query)|\\bselect [\\w*, ]+ from \\w+|\\binsert into \\w+ ?\\(|\\bupdate \\w+ set ",
            Pattern.CASE_INSENSITIVE);

    /** What broke the rules; empty if nothing did. */
    record Verdict(List<String> violations, boolean leak) {
        boolean passed() {
            return violations.isEmpty();
        }
    }

    private final Set<String> secrets;

    /** {@code secrets}: every key, token and password of the platform, none of which an answer may hold. */
    AnswerCheck(Set<String> secrets) {
        this.secrets = secrets;
    }

    Verdict check(HostileRequest request, Answer answer) {
        List<String> violations = new ArrayList<>();
        boolean leak = false;
        int status = answer.status();
        if (status == 0) {
            violations.add("no answer: " + answer.failure());
        } else if (status >= 500) {
            violations.add("5xx");
        } else if (status < 200 || (status >= 300 && status < 400)) {
            violations.add("status " + status);
        } else if (status >= 400) {
            if (!answer.contentType().toLowerCase(java.util.Locale.ROOT).startsWith("application/problem+json")) {
                violations.add("4xx without problem+json (" + (answer.contentType().isEmpty() ? "no content type"
                        : answer.contentType()) + ")");
            } else if (!isProblem(answer)) {
                violations.add("problem+json that is not a problem object");
            }
        }
        if (status >= 400 || status == 0) {
            String body = answer.text();
            String sent = request.body() == null ? "" : new String(request.body(), java.nio.charset.StandardCharsets.UTF_8);
            for (String leaked : leaks(body, request.pathAndQuery() + "\n" + sent)) {
                violations.add("leak: " + leaked);
                leak = true;
            }
        }
        return new Verdict(violations, leak);
    }

    private static boolean isProblem(Answer answer) {
        try {
            JsonNode problem = JSON.readTree(answer.body());
            return problem.isObject() && problem.path("status").asInt() == answer.status() && problem.hasNonNull("title");
        } catch (IOException notJson) {
            return false;
        }
    }

    /** What an error body shows that it must not; what the request itself sent does not count as shown. */
    private List<String> leaks(String body, String sent) {
        List<String> leaks = new ArrayList<>();
        if (STACK_TRACE.matcher(body).find()) {
            leaks.add("stack trace");
        }
        find(JAVA_CLASS, body, sent, "Java class name", leaks);
        find(DATABASE, body, sent, "SQL or database message", leaks);
        for (String secret : secrets) {
            if (body.contains(secret) && !sent.contains(secret)) {
                leaks.add("a secret of the platform");
            }
        }
        return leaks;
    }

    private static void find(Pattern pattern, String body, String sent, String what, List<String> leaks) {
        var matcher = pattern.matcher(body);
        while (matcher.find()) {
            if (!sent.contains(matcher.group())) {
                leaks.add(what + " '" + HostileRequest.abbreviate(matcher.group(), 80) + "'");
                return;
            }
        }
    }
}
