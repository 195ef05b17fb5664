package dk.hotline.platform.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Free text and contact details as the database sees them: encrypted with the
 * current data key, named in the stored value (see {@link FieldCipher}). A CDI
 * bean, so Hibernate gets it from the container with the cipher injected.
 */
@ApplicationScoped
@Converter
public class EncryptedText implements AttributeConverter<String, String> {

    @Inject
    FieldCipher cipher;

    @Override
    public String convertToDatabaseColumn(String plain) {
        return cipher.encrypt(plain);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return cipher.decrypt(stored);
    }
}
