package dk.hotline.routing.recipient;

import dk.hotline.routing.common.RoutingConfig;
import dk.hotline.routing.recipient.domain.InvalidReferenceDataException;
import dk.hotline.routing.recipient.domain.ReferenceCatalog;
import dk.hotline.routing.recipient.domain.ReferenceDataParser;
import dk.hotline.routing.recipient.domain.ReferenceDataSet;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

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
 * Loads the reference data at start-up: every version folder of {@code routing.reference.directory} when set
 * (replaces the shipped data without a code change), else the copy shipped on the classpath under
 * {@code reference/} (folders listed in {@code reference/versions.txt}).
 */
public class ReferenceDataLoader {

    private static final Logger LOG = Logger.getLogger(ReferenceDataLoader.class);
    static final String CLASSPATH_ROOT = "reference/";

    @Produces
    @Singleton
    @io.quarkus.runtime.Startup // load and check at start-up: refuse to start on bad data, never stall the event loop later
    ReferenceCatalog catalog(RoutingConfig config) {
        ReferenceCatalog catalog = config.reference().directory()
                .map(dir -> fromDirectory(Path.of(dir)))
                .orElseGet(ReferenceDataLoader::fromClasspath);
        catalog.versions().forEach(v -> LOG.infof("Reference data version %s valid from %s: %d municipalities, %d police districts",
                v.version(), v.validFrom(), v.municipalities().size(), v.districts().size()));
        return catalog;
    }

    public static ReferenceCatalog fromDirectory(Path root) {
        try (Stream<Path> children = Files.list(root)) {
            List<Path> folders = children.filter(p -> Files.isRegularFile(p.resolve("version.properties"))).sorted().toList();
            List<ReferenceDataSet> versions = new ArrayList<>();
            for (Path folder : folders) {
                versions.add(load(name -> Files.newInputStream(folder.resolve(name)), Files.isRegularFile(folder.resolve("territories.csv")),
                        folder.toString()));
            }
            return new ReferenceCatalog(versions);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reference data directory " + root, e);
        }
    }

    public static ReferenceCatalog fromClasspath() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        List<ReferenceDataSet> versions = new ArrayList<>();
        try (InputStream index = cl.getResourceAsStream(CLASSPATH_ROOT + "versions.txt")) {
            if (index == null) {
                throw new InvalidReferenceDataException("reference/versions.txt missing from the classpath");
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
