package dk.hotline.platform.crypto;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the cipher once at start-up; a missing or malformed key stops the service from starting. */
public class FieldCipherProducer {

    @Produces
    @Singleton
    FieldCipher fieldCipher(DataKeys config) {
        return new FieldCipher(FieldCipher.parseKeys(config.keys()), config.current());
    }
}
