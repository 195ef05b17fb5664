package dk.hotline.telephony.callback;

import dk.hotline.telephony.callback.domain.CallbackDesk;
import dk.hotline.telephony.config.HotlineConfig;
import dk.hotline.telephony.routing.domain.QueuePresence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/** The callback domain's plain-Java desk, shared by the AMI reader (signals) and the placer. */
@ApplicationScoped
public class CallbackWiring {

    @Produces
    @ApplicationScoped
    CallbackDesk callbackDesk(Clock clock, QueuePresence presence, HotlineConfig config) {
        return new CallbackDesk(clock, presence, config.callback().forgetAfter());
    }
}
