package dk.hotline.contracts.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Loads the versioned reference data (municipality → police district → infohus, and the territories such as
 * Christiansø): the copy shipped in this module under {@code dk/hotline/contracts/reference/} (folders listed in
 * {@code versions.txt}), or every version folder of a directory that replaces it without a code change. Core and
 * routing both load it here, so they cannot disagree about which codes exist.
 */
public final class ReferenceData {

    static final String CLASSPATH_ROOT = "dk/hotline/contracts/reference/";

    private ReferenceData() {
    }

    public static ReferenceCatalog fromDirectory(Path root) {
        try (Stream<Path> children = Files.list(root)) {
            List<Path> folders = children.filter(p -> Files.isRegularFile(p.resolve("version.properties"))).sorted().toList();
            List<ReferenceDataSet> versions = new ArrayList<>();
            for (Path folder : folders) {
                versions.add(load(name -> Files.newInputStream(folder.resolve(name)),
                        Files.isRegularFile(folder.resolve("territories.csv")), folder.toString()));
            }
            return new ReferenceCatalog(versions);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reference data directory " + root, e);
        }
    }

    /** The data shipped with this module. */
    public static ReferenceCatalog shipped() {
        ClassLoader cl = ReferenceData.class.getClassLoader();
        List<ReferenceDataSet> versions = new ArrayList<>();
        try (InputStream index = cl.getResourceAsStream(CLASSPATH_ROOT + "versions.txt")) {
            if (index == null) {
                throw new InvalidReferenceDataException(CLASSPATH_ROOT + "versions.txt missing from the classpath");
            }
            for (String folder : new String(index.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                if (folder.isBlank() || folder.startsWith("#")) {
                    continue;
                }
                String prefix = CLASSPATH_ROOT + folder.trim() + "/";
                versions.add(load(name -> {
                    InputStream in = cl.getResourceAsStream(prefix + name);
                    if (in == null) {
                        throw new IOException(prefix + name + " missing from the classpath");
                    }
                    return in;
                }, cl.getResource(prefix + "territories.csv") != null, prefix));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ReferenceCatalog(versions);
    }

    @FunctionalInterface
    private interface Opener {
        InputStream open(String name) throws IOException;
    }

    private static ReferenceDataSet load(Opener opener, boolean hasTerritories, String where) throws IOException {
        Properties props = new Properties();
        try (Reader r = reader(opener.open("version.properties"))) {
            props.load(r);
        }
        String version = props.getProperty("version");
        String validFrom = props.getProperty("valid-from");
        if (version == null || validFrom == null) {
            throw new InvalidReferenceDataException(where + ": version.properties needs version and valid-from");
        }
        try (Reader m = reader(opener.open("municipalities.csv"));
             Reader d = reader(opener.open("police_districts.csv"));
             Reader t = hasTerritories ? reader(opener.open("territories.csv")) : null;
             Reader i = reader(opener.open("infohuse.csv"))) {
            return new ReferenceDataParser().parse(version, OffsetDateTime.parse(validFrom).toInstant(), m, d, t, i);
        }
    }

    private static Reader reader(InputStream in) {
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
