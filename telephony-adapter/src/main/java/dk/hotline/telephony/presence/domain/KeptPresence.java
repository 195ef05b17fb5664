package dk.hotline.telephony.presence.domain;

import java.util.List;
import java.util.Optional;

/** Where the advisors' wanted presence is kept beyond this adapter's memory (core). */
public interface KeptPresence {

    /** Every advisor's last wanted state; empty when it cannot be read now (the caller tries again later). */
    Optional<List<AdvisorPresence.Wanted>> read();
}
