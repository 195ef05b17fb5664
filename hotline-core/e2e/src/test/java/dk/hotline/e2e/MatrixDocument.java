package dk.hotline.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The two tables of docs/authorization.md, read as the test's script. */
record MatrixDocument(List<String> roles, List<Row> rows, List<TenantRule> tenantRules) {

    /** One endpoint: the expected status per role column, in the order of {@link #roles()}. */
    record Row(String service, String method, String path, String body, List<Integer> expected) {
        @Override
        public String toString() {
            return service + " " + method + " " + path;
        }
    }

    record TenantRule(String rule, String user, String service, String method, String path, String header, String expect) {
    }

    static MatrixDocument read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
        List<List<String>> matrix = table(lines, "| service | method | path | body |");
        List<List<String>> tenants = table(lines, "| rule | user | service |");
        List<String> header = matrix.get(0);
        List<String> roles = header.subList(4, header.size());
        List<Row> rows = new ArrayList<>();
        for (List<String> cells : matrix.subList(1, matrix.size())) {
            if (cells.size() != header.size()) {
                throw new IllegalStateException("matrix row with " + cells.size() + " cells, header has " + header.size() + ": " + cells);
            }
            rows.add(new Row(cells.get(0), cells.get(1), cells.get(2), cells.get(3),
                    cells.subList(4, cells.size()).stream().map(Integer::valueOf).toList()));
        }
        List<TenantRule> rules = new ArrayList<>();
        for (List<String> c : tenants.subList(1, tenants.size())) {
            rules.add(new TenantRule(c.get(0), c.get(1), c.get(2), c.get(3), c.get(4), c.get(5), c.get(6)));
        }
        if (rows.isEmpty() || rules.isEmpty()) {
            throw new IllegalStateException(file + " has no matrix or no tenant rules");
        }
        return new MatrixDocument(roles, rows, rules);
    }

    /** The header row and the data rows of the table whose header starts so; the separator row is dropped. */
    private static List<List<String>> table(List<String> lines, String headerStart) {
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(headerStart)) {
                start = i;
                break;
            }
        }
        if (start < 0) {
            throw new IllegalStateException("no table starting " + headerStart);
        }
        List<List<String>> table = new ArrayList<>();
        table.add(cells(lines.get(start)));
        for (int i = start + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            table.add(cells(lines.get(i)));
        }
        return table;
    }

    private static List<String> cells(String line) {
        String inner = line.strip();
        inner = inner.substring(1, inner.length() - 1);
        return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
    }
}
