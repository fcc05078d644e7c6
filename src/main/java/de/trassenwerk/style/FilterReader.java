package de.trassenwerk.style;

import de.trassenwerk.style.Filter.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLStreamConstants;

/**
 * Reads {@code ogc:Filter} elements and OGC expressions (Filter Encoding 1.0 and 1.1, as SLD 1.0
 * and SE 1.1 files by QGIS carry them). Operators it does not know (spatial ones, feature ids) are
 * warned about and match nothing. Used by one thread for one file.
 */
final class FilterReader {
    private final SldCursor in;

    FilterReader(SldCursor in) {
        this.in = in;
    }

    /** Reads the {@code ogc:Filter} at the cursor: its one operator (several are taken as And). */
    Filter filter() {
        List<Filter> operators = new ArrayList<>();
        in.children(name -> operators.add(operator(name)));
        if (operators.isEmpty()) {
            return Filter.ALL;
        }
        return operators.size() == 1 ? operators.get(0) : new Filter.And(operators);
    }

    private Filter operator(String name) {
        return switch (name) {
            case "PropertyIsEqualTo" -> comparison(Operator.EQUAL_TO);
            case "PropertyIsNotEqualTo" -> comparison(Operator.NOT_EQUAL_TO);
            case "PropertyIsLessThan" -> comparison(Operator.LESS_THAN);
            case "PropertyIsLessThanOrEqualTo" -> comparison(Operator.LESS_THAN_OR_EQUAL_TO);
            case "PropertyIsGreaterThan" -> comparison(Operator.GREATER_THAN);
            case "PropertyIsGreaterThanOrEqualTo" -> comparison(Operator.GREATER_THAN_OR_EQUAL_TO);
            case "PropertyIsLike" -> like();
            case "PropertyIsNull" -> isNull();
            case "PropertyIsBetween" -> between();
            case "And" -> new Filter.And(operands());
            case "Or" -> new Filter.Or(operands());
            case "Not" -> not();
            default -> {
                in.warn("style.warning.unsupportedFilter", name);
                in.skip();
                yield new Filter.Unsupported(name);
            }
        };
    }

    private Filter comparison(Operator op) {
        boolean matchCase = !"false".equalsIgnoreCase(String.valueOf(in.attribute("matchCase")).trim());
        String element = in.name();
        int line = in.line();
        int column = in.column();
        List<Expression> operands = expressions(true);
        if (operands.size() != 2) {
            throw new StyleException("style.error.operands", null, in.file(), line, column, element, 2,
                    operands.size());
        }
        return new Filter.Comparison(op, operands.get(0), operands.get(1), matchCase);
    }

    private Filter like() {
        String wildCard = orDefault(in.attribute("wildCard"), "*");
        String singleChar = orDefault(in.attribute("singleChar"), "?");
        String escape = in.attribute("escapeChar") != null ? in.attribute("escapeChar")
                : orDefault(in.attribute("escape"), "\\");
        boolean matchCase = !"false".equalsIgnoreCase(String.valueOf(in.attribute("matchCase")).trim());
        String element = in.name();
        int line = in.line();
        int column = in.column();
        List<Expression> operands = expressions(false);
        if (operands.size() != 2 || !(operands.get(1) instanceof Expression.Literal pattern)) {
            throw new StyleException("style.error.operands", null, in.file(), line, column, element, 2,
                    operands.size());
        }
        return new Filter.Like(operands.get(0), pattern.text().trim(), wildCard, singleChar, escape, matchCase);
    }

    private Filter isNull() {
        String element = in.name();
        int line = in.line();
        int column = in.column();
        List<Expression> operands = expressions(true);
        if (operands.size() != 1) {
            throw new StyleException("style.error.operands", null, in.file(), line, column, element, 1,
                    operands.size());
        }
        return new Filter.IsNull(operands.get(0));
    }

    private Filter between() {
        String element = in.name();
        int line = in.line();
        int column = in.column();
        Expression[] parts = new Expression[3];
        in.children(name -> {
            switch (name) {
                case "LowerBoundary" -> parts[1] = single(expressions(true));
                case "UpperBoundary" -> parts[2] = single(expressions(true));
                default -> {
                    Expression e = expression(name, true);
                    if (parts[0] == null) {
                        parts[0] = e;
                    }
                }
            }
        });
        if (parts[0] == null || parts[1] == null || parts[2] == null) {
            throw new StyleException("style.error.between", null, in.file(), line, column, element);
        }
        return new Filter.Between(parts[0], parts[1], parts[2]);
    }

    private static Expression single(List<Expression> l) {
        return l.size() == 1 ? l.get(0) : null;
    }

    private Filter not() {
        List<Filter> operands = operands();
        return new Filter.Not(operands.size() == 1 ? operands.get(0) : new Filter.And(operands));
    }

    private List<Filter> operands() {
        List<Filter> list = new ArrayList<>();
        in.children(name -> list.add(operator(name)));
        return list;
    }

    /** The expressions that are the children of the element at the cursor. */
    List<Expression> expressions(boolean trimLiterals) {
        List<Expression> list = new ArrayList<>();
        in.children(name -> list.add(expression(name, trimLiterals)));
        return list;
    }

    /**
     * Reads the expression element {@code name} at the cursor. Literals keep their spaces unless
     * {@code trimLiterals} (filters compare trimmed values; labels may need a space).
     */
    Expression expression(String name, boolean trimLiterals) {
        switch (name) {
            case "PropertyName" -> {
                String t = in.text();
                return t == null ? new Expression.Unsupported(name) : new Expression.PropertyName(t);
            }
            case "Literal" -> {
                String raw = rawText();
                return new Expression.Literal(trimLiterals || raw.contains("\n") ? raw.trim() : raw);
            }
            case "Function" -> {
                String fn = String.valueOf(in.attribute("name"));
                if (isConcatenation(fn)) {
                    return new Expression.Concatenation(expressions(false));
                }
                in.warn("style.warning.unsupportedFunction", fn);
                in.skip();
                return new Expression.Unsupported(fn);
            }
            default -> {
                in.unsupported();
                return new Expression.Unsupported(name);
            }
        }
    }

    /**
     * Reads mixed content: text and expressions in any order (an {@code se:Label}). Whitespace-only
     * text with a line break is layout and left out; the result's ends are trimmed.
     */
    Expression mixedContent() {
        List<Expression> parts = new ArrayList<>();
        while (true) {
            int e = in.next();
            if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA || e == XMLStreamConstants.SPACE) {
                String t = in.xml().getText();
                if (!(t.isBlank() && t.contains("\n"))) {
                    parts.add(new Expression.Literal(t));
                }
            } else if (e == XMLStreamConstants.START_ELEMENT) {
                parts.add(expression(in.name(), false));
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                break;
            }
        }
        trimEnds(parts);
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return new Expression.Concatenation(parts);
    }

    private static void trimEnds(List<Expression> parts) {
        if (!parts.isEmpty() && parts.get(0) instanceof Expression.Literal l) {
            parts.set(0, new Expression.Literal(l.text().stripLeading()));
        }
        int last = parts.size() - 1;
        if (last >= 0 && parts.get(last) instanceof Expression.Literal l) {
            parts.set(last, new Expression.Literal(l.text().stripTrailing()));
        }
        parts.removeIf(p -> p instanceof Expression.Literal l && l.text().isEmpty());
    }

    private String rawText() {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int e = in.next();
            if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA || e == XMLStreamConstants.SPACE) {
                sb.append(in.xml().getText());
            } else if (e == XMLStreamConstants.START_ELEMENT) {
                in.unsupported();
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                return sb.toString();
            }
        }
    }

    private static boolean isConcatenation(String fn) {
        String f = fn.toLowerCase(Locale.ROOT);
        return f.equals("concatenate") || f.equals("strconcat") || f.equals("concat");
    }

    private static String orDefault(String v, String d) {
        return v == null ? d : v;
    }
}
