package dk.hotline.routing.recipient;

import dk.hotline.routing.common.RoutingConfig;
import dk.hotline.contracts.reference.ReferenceCatalog;
import dk.hotline.contracts.reference.ReferenceData;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.nio.file.Path;


/**
 * Loads the reference data at start-up, with the contracts module's one loader: every version folder of
 * {@code routing.reference.directory} when set (replaces the shipped data without a code change), else the copy
 * shipped in the contracts module (the same one core checks codes against).
 */
public class ReferenceDataLoader {

    private static final Logger LOG = Logger.getLogger(ReferenceDataLoader.class);

    @Produces
    @Singleton
    @io.quarkus.runtime.Startup // load and check at start-up: refuse to start on bad data, never stall the event loop later
    ReferenceCatalog catalog(RoutingConfig config) {
        ReferenceCatalog catalog = config.reference().directory()
                .map(dir -> ReferenceData.fromDirectory(Path.of(dir)))
                .orElseGet(ReferenceData::shipped);
        catalog.versions().forEach(v -> LOG.infof("Reference data version %s valid from %s: %d municipalities, %d police districts",
                v.version(), v.validFrom(), v.municipalities().size(), v.districts().size()));
        return catalog;
    }

}
