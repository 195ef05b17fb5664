package dk.hotline.telephony.call.domain;

/**
 * What the call life cycle needs to know from the PBX, free of any Asterisk library type. The AMI adapter maps
 * Asterisk events to these; tests feed them directly.
 */
public sealed interface CallSignal {

    /** A channel was created; the caller's channel of a call has uniqueId equal to linkedId. */
    record ChannelCreated(String uniqueId, String linkedId, String channel, String callerNumber) implements CallSignal {
    }

    /** A channel variable was set by the dialplan or the FastAGI answer (HOTLINE_*). */
    record VariableSet(String uniqueId, String linkedId, String name, String value) implements CallSignal {
    }

    record QueueJoined(String uniqueId, String linkedId, String queue) implements CallSignal {
    }

    /** advisorChannel: the member's channel (DestChannel), the one a transfer is sent on; null when not known. */
    record AgentConnected(String linkedId, String queue, String memberInterface, long holdSeconds,
                          String advisorChannel) implements CallSignal {

        public AgentConnected(String linkedId, String queue, String memberInterface, long holdSeconds) {
            this(linkedId, queue, memberInterface, holdSeconds, null);
        }
    }

    /** reason as Asterisk gives it: caller, agent, transfer. */
    record AgentCompleted(String linkedId, String queue, String memberInterface, long holdSeconds, long talkSeconds,
                          String reason) implements CallSignal {
    }

    /**
     * A Dial() from the channel uniqueId was answered by destChannel (DialEnd with DialStatus ANSWER). Only a
     * transfer to a colleague or to the coordination line uses Dial on the caller's channel; queue rings are ignored.
     */
    record DialAnswered(String uniqueId, String linkedId, String destChannel) implements CallSignal {
    }

    record QueueAbandoned(String uniqueId, String linkedId, String queue, long holdSeconds) implements CallSignal {
    }

    record ChannelHungUp(String uniqueId, String linkedId) implements CallSignal {
    }

    /** The connection to the PBX was (re)established: a snapshot of the live channels follows. */
    record ResyncStarted() implements CallSignal {
    }

    /** One live channel in the snapshot (CoreShowChannel). */
    record ChannelSnapshot(String uniqueId, String linkedId, String channel, String application, String bridgeId)
            implements CallSignal {
    }

    /** The snapshot is complete: calls we knew of that are gone ended while we were away. */
    record ResyncCompleted() implements CallSignal {
    }
}
