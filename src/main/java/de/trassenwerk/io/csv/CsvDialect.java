package de.trassenwerk.io.csv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a CSV file is written: field delimiter ({@code ;} from German office software, {@code ,},
 * tab or {@code |}), quote character, and whether the first row is a header. Found from the first
 * lines: the delimiter that splits every line into the same number of fields (more than one) wins;
 * the quote is {@code "} unless only {@code '} is used to wrap fields; the first row is a header
 * when none of its fields is a number. Immutable.
 */
public record CsvDialect(char delimiter, char quote, boolean header) {
    private static final char[] DELIMITERS = {';', ',', '\t', '|'};

    /** Detects the dialect from the first lines of the file (blank lines ignored). */
    public static CsvDialect detect(List<String> lines) {
        List<String> sample = lines.stream().filter(l -> !l.isBlank()).limit(100).toList();
        char quote = detectQuote(sample);
        char best = ',';
        double bestScore = -1;
        for (char d : DELIMITERS) {
            Map<Integer, Integer> counts = new HashMap<>();
            for (String line : sample) {
                counts.merge(split(line, d, quote).size(), 1, Integer::sum);
            }
            int mode = 0;
            int modeCount = 0;
            for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
                if (e.getValue() > modeCount || e.getValue() == modeCount && e.getKey() > mode) {
                    mode = e.getKey();
                    modeCount = e.getValue();
                }
            }
            if (mode < 2) {
                continue;
            }
            double score = (double) modeCount / Math.max(1, sample.size()) * 1000 + mode;
            if (score > bestScore) {
                bestScore = score;
                best = d;
            }
        }
        boolean header = !sample.isEmpty();
        if (header) {
            for (String cell : split(sample.get(0), best, quote)) {
                if (looksNumeric(cell.trim())) {
                    header = false;
                    break;
                }
            }
        }
        return new CsvDialect(best, quote, header);
    }

    private static char detectQuote(List<String> sample) {
        int dq = 0;
        int sq = 0;
        for (String line : sample) {
            dq += line.chars().filter(c -> c == '"').count();
            sq += line.matches(".*(^|[;,\\t|])'[^']*'([;,\\t|]|$).*") ? 1 : 0;
        }
        return dq == 0 && sq > 0 ? '\'' : '"';
    }

    private static boolean looksNumeric(String s) {
        return !s.isEmpty() && s.matches("[+-]?(\\d+([.,]\\d*)?|[.,]\\d+)([eE][+-]?\\d+)?");
    }

    /** Splits one line (without embedded line breaks) for detection purposes. */
    static List<String> split(String line, char delimiter, char quote) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == quote) {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out;
    }
}
