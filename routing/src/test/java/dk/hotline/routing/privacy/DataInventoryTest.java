package dk.hotline.routing.privacy;

import dk.hotline.routing.support.RoutingTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/data-inventory.md lists every column of routing's database as personal or not: a column added by a migration
 * fails this test until it is listed there, with why we keep it, the legal basis, how long, and who reads it.
 */
@QuarkusTest
@QuarkusTestResource(RoutingTestResources.class)
class DataInventoryTest {

    private static final Path INVENTORY = Path.of("..", "docs", "data-inventory.md");
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z_]+\\.[a-z_]+)` \\| ([^|]+) \\|");

    @Test
    void everyColumnIsInTheInventoryAndEveryListedColumnExists() throws Exception {
        Map<String, String> listed = section("## routing");
        Set<String> columns = new TreeSet<>();
        var config = ConfigProvider.getConfig();
        try (Connection c = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class), config.getValue("quarkus.datasource.password", String.class));
             ResultSet rows = c.createStatement().executeQuery("""
                     SELECT table_name || '.' || column_name FROM information_schema.columns
                      WHERE table_schema = current_schema() AND table_name <> 'flyway_schema_history'""")) {
            while (rows.next()) {
                columns.add(rows.getString(1));
            }
        }
        assertThat(columns).as("columns missing from docs/data-inventory.md (## routing)").isSubsetOf(listed.keySet());
        assertThat(listed.keySet()).as("columns listed in docs/data-inventory.md that no longer exist").isSubsetOf(columns);
        listed.forEach((column, personal) -> assertThat(personal).as("'personal' of %s", column).matches("(yes|no)\\b.*"));
    }

    private static Map<String, String> section(String heading) throws Exception {
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
