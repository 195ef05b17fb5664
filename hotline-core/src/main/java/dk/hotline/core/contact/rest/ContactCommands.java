package dk.hotline.core.contact.rest;

import dk.hotline.core.contact.ContactPatch;
import dk.hotline.core.contact.domain.Channel;
import dk.hotline.core.referral.ReferralRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request bodies of the contacts API. */
public final class ContactCommands {

    private ContactCommands() {
    }

    /** A contact outside the telephony system; the site is the advisor's (from the token). */
    public record OpenContact(@NotNull(message = "is required") Channel channel) {
    }

    /** Finalise; with {@code referral} the log is handed on in the same transaction. */
    public record Finalise(@Valid ReferralRequest referral) {
    }

    /** A correction of a final log; the reason is required. */
    public record Amend(@NotBlank(message = "is required: say why the log is corrected")
                        @Size(max = 1000, message = "must be at most 1000 characters") String reason,
                        @NotNull(message = "is required") @Valid ContactPatch changes) {
    }
}
