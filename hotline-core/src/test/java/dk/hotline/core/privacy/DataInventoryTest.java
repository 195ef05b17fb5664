package dk.hotline.core.privacy;

import dk.hotline.core.support.OnVertx;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/data-inventory.md lists every column of this service's database as personal or not: a column added by a
 * migration fails this test until it is listed there, with why we keep it, the legal basis, how long, and who reads it.
 */
@QuarkusTest
class DataInventoryTest {

    private static final Path INVENTORY = Path.of("..", "docs", "data-inventory.md");
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z_]+\\.[a-z_]+)` \\| ([^|]+) \\|");

    @Inject
    Pool pool;

    @Test
    void everyColumnIsInTheInventoryAndEveryListedColumnExists() throws IOException {
        Map<String, String> listed = section("## hotline-core");
        Set<String> columns = new TreeSet<>();
        OnVertx.await(() -> pool.query("""
                        SELECT table_name || '.' || column_name FROM information_schema.columns
                         WHERE table_schema = current_schema() AND table_name <> 'flyway_schema_history'""").execute())
                .forEach(row -> columns.add(row.getString(0)));

        assertThat(columns).as("columns missing from docs/data-inventory.md (## hotline-core)").isSubsetOf(listed.keySet());
        assertThat(listed.keySet()).as("columns listed in docs/data-inventory.md that no longer exist").isSubsetOf(columns);
        listed.forEach((column, personal) -> assertThat(personal).as("'personal' of %s", column).matches("(yes|no)\\b.*"));
    }

    /** column → its "personal" cell, from the table under the given heading. */
    private static Map<String, String> section(String heading) throws IOException {
        List<String> lines = Files.readAllLines(INVENTORY);
        int start = lines.indexOf(heading);
        assertThat(start).as("%s has a section %s", INVENTORY, heading).isNotNegative();
        Map<String, String> rows = new TreeMap<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            Matcher m = ROW.matcher(line);
            if (m.find()) {
                rows.put(m.group(1), m.group(2).strip());
            }
        }
        return rows;
    }
}
