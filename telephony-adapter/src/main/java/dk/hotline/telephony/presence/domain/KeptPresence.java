package dk.hotline.telephony.presence.domain;

import java.util.List;

/** Where the advisors' wanted presence is kept beyond this adapter's memory (core). */
public interface KeptPresence {

    /** Every advisor's last wanted state; empty when it cannot be read now (then Asterisk's members are adopted). */
    List<AdvisorPresence.Wanted> read();
}
