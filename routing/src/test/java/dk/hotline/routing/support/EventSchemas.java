package dk.hotline.routing.support;

import dk.hotline.contracts.Contract;

import static org.assertj.core.api.Assertions.assertThat;

/** The event contracts routing consumes and produces (hotline-core/contracts), as assertions. */
public final class EventSchemas {

    public static final EventSchemas REFERRAL_CREATED = new EventSchemas(Contract.REFERRAL_CREATED_V1);
    public static final EventSchemas REFERRAL_STATUS = new EventSchemas(Contract.REFERRAL_STATUS_V1);

    private final Contract contract;

    private EventSchemas(Contract contract) {
        this.contract = contract;
    }

    public void assertValid(String json) {
        assertThat(contract.violations(json)).as("violations of %s by %s", contract.file(), json).isEmpty();
    }
}
