package dk.hotline.routing.recipient;

import dk.hotline.contracts.reference.ReferenceCatalog;
import dk.hotline.routing.recipient.domain.RecipientDirectory;
import dk.hotline.routing.recipient.domain.RecipientResolver;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Wires the recipient rules (plain Java) into CDI. */
public class RecipientWiring {

    @Produces
    @Singleton
    RecipientResolver resolver(ReferenceCatalog catalog) {
        return new RecipientResolver(catalog);
    }

    @Produces
    @Singleton
    RecipientDirectory directory(ReferenceCatalog catalog) {
        return new RecipientDirectory(catalog);
    }
}
