package dk.hotline.core.reference;

import dk.hotline.contracts.MunicipalityCode;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The 98 municipalities, from {@code reference/municipalities.csv} on the
 * classpath (source note beside it). Read once at start-up.
 */
@ApplicationScoped
public class Municipalities {

    static final String RESOURCE = "reference/municipalities.csv";

    private final Map<String, String> namesByCode;
    private final Map<String, String> regionsByCode;

    public Municipalities() {
        this.namesByCode = load(1);
        this.regionsByCode = load(2);
    }

    public boolean isKnown(String code) {
        return code != null && namesByCode.containsKey(MunicipalityCode.normalise(code));
    }

    public Optional<String> name(String code) {
        return Optional.ofNullable(code == null ? null : namesByCode.get(MunicipalityCode.normalise(code)));
    }

    /** The region (e.g. "Region Midtjylland") a municipality lies in; for the statistics. */
    public Optional<String> region(String code) {
        return Optional.ofNullable(code == null ? null : regionsByCode.get(MunicipalityCode.normalise(code)));
    }

    /** Every municipality, code to name, in the file's order. */
    public Map<String, String> all() {
        return java.util.Collections.unmodifiableMap(namesByCode);
    }

    public int count() {
        return namesByCode.size();
    }

    private static Map<String, String> load(int column) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            Map<String, String> names = new LinkedHashMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = reader.readLine();
            if (header == null || !header.startsWith("code,name")) {
                throw new IllegalStateException(RESOURCE + " does not start with the header code,name,...");
            }
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                names.put(cells[0].trim(), cells[column].trim());
            }
            return java.util.Collections.unmodifiableMap(names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
