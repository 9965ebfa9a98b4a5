package io.planscore.plans.document;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The arithmetic of formula expressions: decimal numbers, symbols, {@code + - * /} (also {@code × ÷}),
 * unary minus and parentheses, with the usual precedence. Parsed here to check documents; the scoring
 * service evaluates them.
 */
public final class Expression {

    private Expression() {
    }

    public sealed interface Node permits Num, Sym, Neg, Bin {
        default Set<String> symbols() {
            Set<String> out = new LinkedHashSet<>();
            collect(this, out);
            return out;
        }
    }

    public record Num(String text) implements Node {
    }

    public record Sym(String name) implements Node {
    }

    public record Neg(Node operand) implements Node {
    }

    public record Bin(char op, Node left, Node right) implements Node {
    }

    public static final class SyntaxException extends Exception {
        SyntaxException(String message) {
            super(message);
        }
    }

    private static void collect(Node node, Set<String> out) {
        if (node instanceof Sym sym) {
            out.add(sym.name());
        } else if (node instanceof Neg neg) {
            collect(neg.operand(), out);
        } else if (node instanceof Bin bin) {
            collect(bin.left(), out);
            collect(bin.right(), out);
        }
    }

    public static Node parse(String text) throws SyntaxException {
        Parser parser = new Parser(text);
        Node node = parser.sum();
        parser.skipSpace();
        if (parser.pos < text.length()) {
            throw new SyntaxException("unexpected '" + text.charAt(parser.pos) + "' at position " + (parser.pos + 1));
        }
        return node;
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        char peek() {
            skipSpace();
            return pos < s.length() ? s.charAt(pos) : '\0';
        }

        Node sum() throws SyntaxException {
            Node left = product();
            while (true) {
                char c = peek();
                if (c == '+' || c == '-' || c == '−') {
                    pos++;
                    left = new Bin(c == '+' ? '+' : '-', left, product());
                } else {
                    return left;
                }
            }
        }

        Node product() throws SyntaxException {
            Node left = unary();
            while (true) {
                char c = peek();
                if (c == '*' || c == '×') {
                    pos++;
                    left = new Bin('*', left, unary());
                } else if (c == '/' || c == '÷') {
                    pos++;
                    left = new Bin('/', left, unary());
                } else {
                    return left;
                }
            }
        }

        Node unary() throws SyntaxException {
            char c = peek();
            if (c == '-' || c == '−') {
                pos++;
                return new Neg(unary());
            }
            if (c == '+') {
                pos++;
                return unary();
            }
            return primary();
        }

        Node primary() throws SyntaxException {
            char c = peek();
            if (c == '\0') {
                throw new SyntaxException("it ends where an operand is expected");
            }
            if (c == '(') {
                pos++;
                Node inner = sum();
                if (peek() != ')') {
                    throw new SyntaxException("a '(' is not closed");
                }
                pos++;
                return inner;
            }
            int start = pos;
            if (Character.isDigit(c) || c == '.') {
                while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
                    pos++;
                }
                String number = s.substring(start, pos);
                if (!number.matches("\\d+(\\.\\d+)?|\\.\\d+")) {
                    throw new SyntaxException("'" + number + "' is not a number");
                }
                return new Num(number);
            }
            if (Character.isLetter(c) || c == '_') {
                while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                    pos++;
                }
                return new Sym(s.substring(start, pos));
            }
            throw new SyntaxException("unexpected '" + c + "' at position " + (pos + 1));
        }
    }
}
