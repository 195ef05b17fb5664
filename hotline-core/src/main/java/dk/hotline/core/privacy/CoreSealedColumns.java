package dk.hotline.core.privacy;

import dk.hotline.core.callback.CallbackRequests;
import dk.hotline.core.delivery.ReferralStatus;
import dk.hotline.core.contact.Contact;
import dk.hotline.core.contact.ContactAmendment;
import dk.hotline.core.referral.Referral;
import dk.hotline.core.transfer.CallTransfer;
import dk.hotline.platform.crypto.SealedColumn;
import dk.hotline.platform.crypto.SealedColumns;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Every column core stores sealed, for the re-encryption job. */
@ApplicationScoped
public class CoreSealedColumns implements SealedColumns {

    @Override
    public List<SealedColumn> all() {
        return List.of(Contact.SUMMARY, ContactAmendment.REASON, ContactAmendment.BEFORE, ContactAmendment.AFTER,
                Referral.DESCRIPTION, Referral.CALLER_NAME, Referral.CALLER_PHONE, Referral.CALLER_EMAIL,
                ReferralStatus.REASON, CallbackRequests.NUMBER, CallTransfer.NOTE);
    }
}
